package io.ringkernel.runtime.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Host-observed latency: from a message's commit to the input ring to its reply's dispatch.
 * Send times are kept in a small table indexed by message id; replies look theirs up by
 * correlation id. When more than {@link #SLOTS} messages are in flight the oldest entries are
 * overwritten and their replies go unsampled, so memory stays fixed per kernel. A run of messages
 * written under one claim ({@code sendAll}, {@code sendEncoded}) is timed by its first message
 * only: a sender then touches the table once per run, not once per message.
 *
 * <p>{@link #replied} runs only while the kernel's {@link OutputDispatcher} drains, which one
 * thread at a time does, each after the previous one ({@code draining} hands over with a volatile
 * write and a compare-and-set). Latencies are therefore recorded by one writer at a time into a
 * plain histogram: a read walks plain arrays, where a concurrent histogram takes a lock per count.
 */
final class LatencyTracker {
    static final int SLOTS = 1024;
    private static final int MASK = SLOTS - 1;

    private final AtomicLongArray ids = new AtomicLongArray(SLOTS);
    private final AtomicLongArray sentAt = new AtomicLongArray(SLOTS);
    private final SingleWriterRecorder recorder = new SingleWriterRecorder(3);
    private final Histogram total = new Histogram(3);
    /* The recorder's last interval histogram, handed back to it: a snapshot allocates nothing. */
    private Histogram interval;
    /* The percentiles last computed: unchanged while no reply has been timed since. */
    private Percentiles latest = Percentiles.NONE;
    /* Replies timed since the percentiles were last computed: none, and a read costs nothing. */
    private final LongAdder fresh = new LongAdder();

    void sent(long messageId, long nanoTime) {
        int slot = (int) (messageId & MASK);
        sentAt.setOpaque(slot, nanoTime); // the id's release store publishes it
        ids.setRelease(slot, messageId);
    }

    void replied(long correlationId, long nanoTime) {
        int slot = (int) (correlationId & MASK);
        if (ids.getAcquire(slot) != correlationId) {
            return;
        }
        long start = sentAt.get(slot);
        if (ids.get(slot) == correlationId && nanoTime >= start) {
            recorder.recordValue(nanoTime - start);
            fresh.increment();
        }
    }

    /** @return percentiles of every latency recorded so far */
    synchronized Percentiles percentiles() {
        if (fresh.sumThenReset() == 0) {
            return latest;
        }
        interval = recorder.getIntervalHistogram(interval);
        if (interval.getTotalCount() > 0) {
            total.add(interval);
            latest = new Percentiles(Duration.ofNanos(total.getValueAtPercentile(50)),
                    Duration.ofNanos(total.getValueAtPercentile(99)), Duration.ofNanos(total.getValueAtPercentile(99.9)),
                    Duration.ofNanos(total.getMaxValue()));
        }
        return latest;
    }

    /** Latency percentiles; all zero before the first sample. */
    record Percentiles(Duration p50, Duration p99, Duration p999, Duration max) {
        static final Percentiles NONE = new Percentiles(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
