package io.ringkernel.protocol;

import io.ringkernel.api.HlcTimestamp;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A hybrid logical clock (Kulkarni et al.): readings follow physical time where it moves forward
 * and a logical counter where it does not, so every reading is greater than the one before it
 * and greater than any reading received. Lock-free; thread-safe.
 *
 * <p>Packed form (on the wire): 48 bits of physical milliseconds, then 16 bits of logical
 * counter. Incrementing the packed value carries a full logical counter into the next
 * millisecond, which keeps the order total.
 */
public final class HybridLogicalClock {
    /** Bits of the logical counter in the packed form. */
    public static final int LOGICAL_BITS = 16;
    /**
     * The most, in milliseconds, a received reading may lead this clock and still be merged. A
     * reading further ahead would drag the clock, and every deadline measured by it, into the
     * future for good: a receiver refuses it instead ({@link #leadMillis}).
     */
    public static final long MAX_LEAD_MILLIS = 10_000;
    private static final long LOGICAL_MASK = (1L << LOGICAL_BITS) - 1;

    private final int nodeId;
    private final LongSupplier physicalMillis;
    private final AtomicLong last = new AtomicLong();

    /**
     * @param nodeId the node (kernel number, 0 for the host) readings are stamped with
     * @param physicalMillis the physical clock, e.g. {@code System::currentTimeMillis}
     */
    public HybridLogicalClock(int nodeId, LongSupplier physicalMillis) {
        this.nodeId = nodeId;
        this.physicalMillis = physicalMillis;
    }

    /** @param nodeId the node readings are stamped with @return a clock on the system clock */
    public static HybridLogicalClock system(int nodeId) {
        return new HybridLogicalClock(nodeId, System::currentTimeMillis);
    }

    /** @return a new reading for a local or send event, greater than every earlier one */
    public long tick() {
        return tick(physicalNow());
    }

    /**
     * {@link #tick()} at a physical time already read, for events of one batch: one reading of the
     * physical clock for all of them.
     *
     * @param physicalNow the physical clock's reading, from {@link #physicalNow()}
     * @return a new reading greater than every earlier one
     */
    public long tick(long physicalNow) {
        return tick(physicalNow, 1);
    }

    /**
     * Reserves {@code count} consecutive readings at a physical time already read, for a run of
     * events stamped in order: the first and the {@code count - 1} after it are the run's, each
     * greater than every reading before the run. One update of the clock for the whole run.
     *
     * @param physicalNow the physical clock's reading, from {@link #physicalNow()}
     * @param count readings to reserve, at least 1
     * @return the run's first reading; the others follow it by 1, 2, …
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public long tick(long physicalNow, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a run needs at least one reading, got " + count);
        }
        long physical = pack(physicalNow, 0);
        return last.accumulateAndGet(count, (previous, n) -> Math.max(physical, previous + 1) + n - 1) - count + 1;
    }

    /**
     * Merges a reading received from another node. A reading that leads this clock by more than
     * {@link #MAX_LEAD_MILLIS} is not merged (the clock still advances): see {@link #leadMillis}.
     *
     * @param remote the packed reading received
     * @return a new reading greater than every earlier one and than {@code remote} when it is merged
     */
    public long update(long remote) {
        return update(remote, physicalNow());
    }

    /**
     * {@link #update(long)} at a physical time already read, so that a receiver that also asks
     * {@link #leadMillis(long, long)} reads the physical clock once per message.
     *
     * @param remote the packed reading received
     * @param physicalNow the physical clock's reading, from {@link #physicalNow()}
     * @return a new reading greater than every earlier one and than {@code remote} when it is merged
     */
    public long update(long remote, long physicalNow) {
        long merged = leadMillis(remote, physicalNow) > MAX_LEAD_MILLIS ? 0 : remote;
        long physical = pack(physicalNow, 0);
        return last.updateAndGet(previous -> Math.max(physical, Math.max(previous, merged) + 1));
    }

    /**
     * How far a received reading is ahead of this clock: of physical time or of the clock's last
     * reading, whichever is later, so that a physical clock stepped back does not make the
     * readings of its own node look early. A reading outside the clock's range (negative as a
     * signed long, i.e. physical time past 2^47 ms, the year 6429, or the very last value) can
     * only come from corrupt bytes and leads by {@link Long#MAX_VALUE}.
     *
     * @param remote the packed reading received
     * @return milliseconds it leads by; zero or negative if it is not ahead
     */
    public long leadMillis(long remote) {
        return leadMillis(remote, physicalNow());
    }

    /**
     * {@link #leadMillis(long)} at a physical time already read.
     *
     * @param remote the packed reading received
     * @param physicalNow the physical clock's reading, from {@link #physicalNow()}
     * @return milliseconds it leads by; zero or negative if it is not ahead
     */
    public long leadMillis(long remote, long physicalNow) {
        if (remote < 0 || remote == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long local = Math.max(physicalNow, last.get() >>> LOGICAL_BITS);
        return (remote >>> LOGICAL_BITS) - local;
    }

    /** @return the physical clock's reading in milliseconds */
    public long physicalNow() {
        return physicalMillis.getAsLong();
    }

    /** @return the last reading, packed, without advancing the clock */
    public long current() {
        return last.get();
    }

    /** @return the node id */
    public int nodeId() {
        return nodeId;
    }

    /**
     * @param physicalMillis milliseconds (low 48 bits kept)
     * @param logical logical counter (low 16 bits kept)
     * @return the packed reading
     */
    public static long pack(long physicalMillis, int logical) {
        return (physicalMillis << LOGICAL_BITS) | (logical & LOGICAL_MASK);
    }

    /**
     * @param packed a packed reading
     * @param nodeId the node that made it
     * @return the reading as a timestamp
     */
    public static HlcTimestamp unpack(long packed, int nodeId) {
        return new HlcTimestamp(packed >>> LOGICAL_BITS, (int) (packed & LOGICAL_MASK), nodeId);
    }
}
