package io.ringkernel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.KernelStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelHistoryTest {

    private static KernelSample sample(long second) {
        return new KernelSample(second, 0, 0, 0, 0, 0);
    }

    @Test
    void keepsTheNewestSamplesUpToItsCapacity() {
        KernelHistory history = new KernelHistory(3);

        for (long second = 1; second <= 5; second++) {
            history.add(sample(second));
        }

        assertThat(history.samples()).extracting(KernelSample::epochSecond).containsExactly(3L, 4L, 5L);
        assertThat(history.latest()).contains(sample(5));
    }

    @Test
    void theBookSamplesOnceASecondAndForgetsGoneKernels() {
        HistoryBook book = new HistoryBook();
        Instant second = Instant.ofEpochSecond(1_000);

        assertThat(book.record(snapshot(second, "k1", "k2"))).isTrue();
        assertThat(book.record(snapshot(second.plusMillis(500), "k1", "k2"))).isFalse();
        assertThat(book.record(snapshot(second.plusSeconds(1), "k1"))).isTrue();

        assertThat(book.samples("k1")).extracting(KernelSample::epochSecond).containsExactly(1_000L, 1_001L);
        assertThat(book.samples("k2")).isEmpty();
    }

    private static DashboardSnapshot snapshot(Instant takenAt, String... kernelIds) {
        return new DashboardSnapshot(takenAt,
                List.of(kernelIds).stream().map(id -> SyntheticMetrics.of(id, KernelStatus.ACTIVE, 0, "", 1)).toList(),
                List.of(), List.of(), List.of());
    }
}
