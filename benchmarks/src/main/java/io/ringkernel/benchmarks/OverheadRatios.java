package io.ringkernel.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The throughput ratios of {@link DashboardOverheadBenchmark}: one per group of four iterations
 * (without, with, with, without the dashboard), the two with it over the two without.
 */
final class OverheadRatios {
    private final double[] ratios;

    private OverheadRatios(double[] ratios) {
        this.ratios = ratios;
    }

    /**
     * @param withDashboard per measured iteration, in order: messages a second counted while the
     *        dashboard polled (0 in the iterations without it)
     * @param withoutDashboard per measured iteration, in order: those counted while it did not
     * @return one ratio per complete group of four iterations that starts with one without the dashboard
     * @throws IllegalArgumentException if an iteration counted under both settings or the lists differ in length
     */
    static OverheadRatios of(List<Double> withDashboard, List<Double> withoutDashboard) {
        if (withDashboard.size() != withoutDashboard.size()) {
            throw new IllegalArgumentException("one count per iteration and setting: " + withDashboard.size()
                    + " with the dashboard, " + withoutDashboard.size() + " without");
        }
        List<Double> ratios = new ArrayList<>();
        int start = 0;
        while (start < withDashboard.size() && withDashboard.get(start) > 0) {
            start++;
        }
        for (int i = start; i + 4 <= withDashboard.size(); i += 4) {
            double with = 0;
            double without = 0;
            for (int j = i; j < i + 4; j++) {
                if (withDashboard.get(j) > 0 && withoutDashboard.get(j) > 0) {
                    throw new IllegalArgumentException("iteration " + (j + 1) + " counted under both settings");
                }
                with += withDashboard.get(j);
                without += withoutDashboard.get(j);
            }
            ratios.add(with / without);
        }
        return new OverheadRatios(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * @param parts ratios of several forks
     * @return all of them together
     */
    static OverheadRatios merge(List<OverheadRatios> parts) {
        return new OverheadRatios(parts.stream().flatMapToDouble(part -> Arrays.stream(part.ratios)).toArray());
    }

    /** @return how many groups of four iterations gave a ratio */
    int count() {
        return ratios.length;
    }

    /** @return the mean ratio */
    double mean() {
        return Arrays.stream(ratios).average().orElse(Double.NaN);
    }

    /** @return the median ratio, which a few groups hit by another process's burst of work do not move */
    double median() {
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** @return the smallest ratio */
    double min() {
        return Arrays.stream(ratios).min().orElse(Double.NaN);
    }

    /** @return the largest ratio */
    double max() {
        return Arrays.stream(ratios).max().orElse(Double.NaN);
    }

    /**
     * @param confidence e.g. 0.95
     * @return half the width of the mean's confidence interval (Student's t), NaN under two ratios
     */
    double halfInterval(double confidence) {
        int n = ratios.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean();
        double squares = Arrays.stream(ratios).map(ratio -> (ratio - mean) * (ratio - mean)).sum();
        double standardError = Math.sqrt(squares / (n - 1) / n);
        return new TDistribution(n - 1).inverseCumulativeProbability(0.5 + confidence / 2) * standardError;
    }

    /** @return e.g. "mean 0.991 ± 0.008 (95%), median 0.993, 12 groups from 0.975 to 1.004" */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "mean %.3f ± %.3f (95%%), median %.3f, %d groups from %.3f to %.3f",
                mean(), halfInterval(0.95), median(), count(), min(), max());
    }
}
