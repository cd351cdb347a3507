package io.ringkernel.dashboard;

import static io.ringkernel.api.KernelStatus.ACTIVE;
import static io.ringkernel.api.KernelStatus.DEACTIVATED;
import static io.ringkernel.api.KernelStatus.FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ringkernel.api.KernelMetrics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotDiffTest {

    private static DashboardSnapshot snapshot(List<KernelMetrics> kernels, List<String> definitions) {
        return new DashboardSnapshot(Instant.now(), kernels, List.of(), definitions, List.of());
    }

    @Test
    void nothingChangedMeansNoEvents() {
        DashboardSnapshot before = snapshot(List.of(SyntheticMetrics.of("k1", ACTIVE, 0, "", 1)), List.of("echo"));
        DashboardSnapshot after = snapshot(List.of(SyntheticMetrics.of("k1", ACTIVE, 0, "", 2)), List.of("echo"));

        assertThat(SnapshotDiff.between(before, after)).isEmpty();
    }

    @Test
    void reportsKernelsLaunchedChangingStateAndGone() {
        DashboardSnapshot before = snapshot(List.of(
                SyntheticMetrics.of("k1", ACTIVE, 0, "", 1),
                SyntheticMetrics.of("k2", ACTIVE, 0, "", 1)), List.of());
        DashboardSnapshot after = snapshot(List.of(
                SyntheticMetrics.of("k1", DEACTIVATED, 0, "", 2),
                SyntheticMetrics.of("k3", ACTIVE, 0, "", 2)), List.of());

        assertThat(SnapshotDiff.between(before, after))
                .extracting(LogEntry::kernelId, LogEntry::text, LogEntry::failure)
                .containsExactly(
                        tuple("k1", "state ACTIVE → DEACTIVATED", false),
                        tuple("k3", "launched on CPU, ACTIVE", false),
                        tuple("k2", "gone", false));
    }

    @Test
    void reportsErrorsAndFailuresAsFailures() {
        DashboardSnapshot before = snapshot(List.of(SyntheticMetrics.of("k1", ACTIVE, 1, "", 1)), List.of());
        DashboardSnapshot after = snapshot(List.of(SyntheticMetrics.of("k1", FAILED, 3, "handler threw", 2)), List.of());

        assertThat(SnapshotDiff.between(before, after))
                .allMatch(LogEntry::failure)
                .extracting(LogEntry::text)
                .containsExactly("state ACTIVE → FAILED", "errors 1 → 3", "last error: handler threw");
    }

    @Test
    void reportsARestartByTheKernelsRestartPolicy() {
        DashboardSnapshot failed = snapshot(List.of(SyntheticMetrics.of("k1", FAILED, 0, "device lost", 1, 0)),
                List.of());
        DashboardSnapshot restarted = snapshot(List.of(SyntheticMetrics.of("k1", ACTIVE, 0, "device lost", 2, 1)),
                List.of());

        assertThat(SnapshotDiff.between(failed, restarted))
                .extracting(LogEntry::kernelId, LogEntry::text, LogEntry::failure)
                .containsExactly(
                        tuple("k1", "state FAILED → ACTIVE", false),
                        tuple("k1", "restarted by its restart policy (1 restart)", false));
    }

    @Test
    void aHotSwapShowsAsADefinitionLeavingAndComingBack() {
        DashboardSnapshot before = snapshot(List.of(), List.of("echo", "sink"));
        DashboardSnapshot swapping = snapshot(List.of(), List.of("sink"));
        DashboardSnapshot after = snapshot(List.of(), List.of("sink", "echo"));

        assertThat(SnapshotDiff.between(before, swapping)).extracting(LogEntry::text)
                .containsExactly("definition echo withdrawn");
        assertThat(SnapshotDiff.between(swapping, after)).extracting(LogEntry::text)
                .containsExactly("definition echo registered");
    }
}
