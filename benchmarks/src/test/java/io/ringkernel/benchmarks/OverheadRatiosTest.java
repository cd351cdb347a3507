package io.ringkernel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Ratios of the overhead benchmark's iterations with the dashboard to their neighbours without it. */
class OverheadRatiosTest {

    @Test
    void shouldTakeOneRatioPerGroupOfFourStartingWithoutTheDashboard() {
        OverheadRatios ratios = OverheadRatios.of(
                List.of(0.0, 90.0, 110.0, 0.0, 0.0, 49.0, 49.0, 0.0),
                List.of(100.0, 0.0, 0.0, 100.0, 50.0, 0.0, 0.0, 50.0));

        assertThat(ratios.count()).isEqualTo(2);
        assertThat(ratios.min()).isCloseTo(0.98, within(1e-12));
        assertThat(ratios.max()).isCloseTo(1.0, within(1e-12));
        assertThat(ratios.mean()).isCloseTo(0.99, within(1e-12));
        assertThat(ratios.median()).isCloseTo(0.99, within(1e-12));
        assertThat(ratios.halfInterval(0.95)).as("t(0.975, 1) × 0.01").isCloseTo(0.12706, within(1e-4));
    }

    @Test
    void shouldSkipAnIncompleteGroupAndIterationsBeforeTheFirstWithoutTheDashboard() {
        OverheadRatios ratios = OverheadRatios.of(
                List.of(80.0, 0.0, 95.0, 95.0, 0.0, 0.0, 70.0),
                List.of(0.0, 100.0, 0.0, 0.0, 100.0, 100.0, 0.0));

        assertThat(ratios.count()).isEqualTo(1);
        assertThat(ratios.mean()).isCloseTo(0.95, within(1e-12));
        assertThat(ratios.halfInterval(0.95)).isNaN();
    }

    @Test
    void shouldMergeTheRatiosOfSeveralForks() {
        OverheadRatios first = OverheadRatios.of(List.of(0.0, 1.0, 1.0, 0.0), List.of(1.0, 0.0, 0.0, 1.0));
        OverheadRatios second = OverheadRatios.of(List.of(0.0, 1.0, 1.0, 0.0), List.of(2.0, 0.0, 0.0, 2.0));

        OverheadRatios third = OverheadRatios.of(List.of(0.0, 1.0, 1.0, 0.0), List.of(4.0, 0.0, 0.0, 4.0));

        OverheadRatios all = OverheadRatios.merge(List.of(first, second, third));

        assertThat(all.mean()).isCloseTo(1.75 / 3, within(1e-12));
        assertThat(all.median()).isCloseTo(0.5, within(1e-12));
        assertThat(all.toString()).startsWith("mean 0.583 ± ").contains("median 0.500, 3 groups from 0.250 to 1.000");
    }

    @Test
    void shouldRefuseAnIterationCountedUnderBothSettings() {
        assertThatThrownBy(() -> OverheadRatios.of(List.of(0.0, 1.0, 1.0, 1.0), List.of(1.0, 0.0, 0.0, 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iteration 4");
    }
}
