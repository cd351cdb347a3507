package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Latency percentiles follow every reply, also after reads that found nothing new. */
class LatencyTrackerTest {

    @Test
    void shouldReportNothingBeforeTheFirstReplyAndFollowRepliesAfterIdleReads() {
        LatencyTracker tracker = new LatencyTracker();
        assertThat(tracker.percentiles()).isEqualTo(LatencyTracker.Percentiles.NONE);

        tracker.sent(1, 1_000);
        tracker.replied(1, 11_000);
        assertThat(tracker.percentiles().max()).isBetween(Duration.ofNanos(9_990), Duration.ofNanos(10_010));
        assertThat(tracker.percentiles().max()).as("a read with no new reply keeps the last figures")
                .isBetween(Duration.ofNanos(9_990), Duration.ofNanos(10_010));

        tracker.sent(2, 20_000);
        tracker.replied(2, 520_000);
        assertThat(tracker.percentiles().max()).isBetween(Duration.ofNanos(499_000), Duration.ofNanos(501_000));
        assertThat(tracker.percentiles().p50()).isBetween(Duration.ofNanos(9_990), Duration.ofNanos(10_010));
    }

    @Test
    void shouldCountRepliesRecordedByThreadsThatTakeTurnsAsDrainsDo() throws InterruptedException {
        LatencyTracker tracker = new LatencyTracker();
        for (int turn = 0; turn < 100; turn++) {
            long id = turn + 1;
            long latency = turn < 50 ? 1_000 : 1_000_000;
            Thread drain = new Thread(() -> {
                tracker.sent(id, 0);
                tracker.replied(id, latency);
            });
            drain.start();
            drain.join();
            if (turn % 10 == 9) {
                tracker.percentiles();
            }
        }

        assertThat(tracker.percentiles().p50()).isBetween(Duration.ofNanos(999), Duration.ofNanos(1_001));
        assertThat(tracker.percentiles().p99()).isBetween(Duration.ofNanos(999_000), Duration.ofNanos(1_001_000));
    }

    @Test
    void shouldIgnoreAReplyWhoseSendWasNotTimed() {
        LatencyTracker tracker = new LatencyTracker();
        tracker.replied(7, 5_000);
        assertThat(tracker.percentiles()).isEqualTo(LatencyTracker.Percentiles.NONE);
    }
}
