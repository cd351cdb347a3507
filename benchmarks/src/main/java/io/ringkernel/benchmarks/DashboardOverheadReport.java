package io.ringkernel.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link DashboardOverheadBenchmark} through JMH and reports its throughput ratio with the
 * dashboard over without it, per fork and over all forks, from JMH's iteration results:
 *
 * <pre>{@code
 * java -cp benchmarks.jar io.ringkernel.benchmarks.DashboardOverheadReport -f 3 -p pollMillis=0,100,1
 * }</pre>
 *
 * Any JMH option may follow; the benchmark is always {@link DashboardOverheadBenchmark}.
 */
public final class DashboardOverheadReport {
    private static final System.Logger LOG = System.getLogger(DashboardOverheadReport.class.getName());

    private DashboardOverheadReport() {
    }

    /**
     * @param args JMH's command-line options
     * @throws RunnerException if JMH fails
     * @throws CommandLineOptionException if an option is not JMH's
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions options = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(options)
                .include(DashboardOverheadBenchmark.class.getName() + ".send").build()).run();
        for (RunResult result : results) {
            List<OverheadRatios> forks = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                OverheadRatios ratios = ratios(fork.getIterationResults());
                forks.add(ratios);
                LOG.log(System.Logger.Level.INFO, "{0} fork {1}: with/without dashboard {2}", params(result),
                        forks.size(), ratios);
            }
            LOG.log(System.Logger.Level.INFO, "{0} all forks: with/without dashboard {1}", params(result),
                    OverheadRatios.merge(forks));
        }
    }

    private static String params(RunResult result) {
        BenchmarkParams params = result.getParams();
        return params.getParamsKeys().stream().map(key -> key + "=" + params.getParam(key))
                .collect(Collectors.joining(" "));
    }

    private static OverheadRatios ratios(Collection<IterationResult> iterations) {
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        for (IterationResult iteration : iterations) {
            with.add(iteration.getSecondaryResults().get("withDashboard").getScore());
            without.add(iteration.getSecondaryResults().get("withoutDashboard").getScore());
        }
        return OverheadRatios.of(with, without);
    }
}
