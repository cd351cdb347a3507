package io.ringkernel.protocol;

import static io.ringkernel.protocol.BufferAccess.INT;
import static io.ringkernel.protocol.BufferAccess.LONG;
import static io.ringkernel.protocol.TelemetryDescriptor.*;

import java.nio.ByteBuffer;

/**
 * Flyweight over a kernel's telemetry buffer ({@link TelemetryDescriptor}). The kernel is its
 * only writer ({@code record…} methods, release stores); the host reads at any time. Wrapping
 * writes nothing, so the host may wrap a buffer a kernel is already using.
 */
public final class Telemetry {
    private final ByteBuffer buffer;
    private final int offset;

    /**
     * @param memory direct buffer holding the telemetry
     * @param offset where it starts, 64-byte aligned
     */
    public Telemetry(ByteBuffer memory, int offset) {
        BufferAccess.requireRegion("telemetry buffer", memory, offset, LENGTH, ALIGNMENT);
        this.buffer = BufferAccess.littleEndian(memory);
        this.offset = offset;
    }

    /** @param nanos kernel side: one message processed in that time */
    public void recordProcessed(long nanos) {
        boolean first = get(PROCESSED_OFFSET) == 0;
        add(TOTAL_NANOS_OFFSET, nanos);
        if (first || nanos < get(MIN_NANOS_OFFSET)) {
            LONG.setRelease(buffer, offset + MIN_NANOS_OFFSET, nanos);
        }
        if (nanos > get(MAX_NANOS_OFFSET)) {
            LONG.setRelease(buffer, offset + MAX_NANOS_OFFSET, nanos);
        }
        add(PROCESSED_OFFSET, 1);
    }

    /** @param messages kernel side: messages processed whose processing time was not measured */
    public void recordProcessedUntimed(long messages) {
        add(PROCESSED_OFFSET, messages);
    }

    /** @param errorWireCode kernel side: one record dropped, and why */
    public void recordDropped(int errorWireCode) {
        add(DROPPED_OFFSET, 1);
        INT.setRelease(buffer, offset + LAST_ERROR_CODE_OFFSET, errorWireCode);
    }

    /** @param errorWireCode kernel side: one error reply written, and why */
    public void recordError(int errorWireCode) {
        add(ERRORS_OFFSET, 1);
        INT.setRelease(buffer, offset + LAST_ERROR_CODE_OFFSET, errorWireCode);
    }

    /** Kernel side: one record written to the output ring. */
    public void recordReply() {
        add(REPLIES_WRITTEN_OFFSET, 1);
    }

    /** @return messages processed */
    public long processed() {
        return get(PROCESSED_OFFSET);
    }

    /** @return records dropped */
    public long dropped() {
        return get(DROPPED_OFFSET);
    }

    /** @return error replies written */
    public long errors() {
        return get(ERRORS_OFFSET);
    }

    /** @return summed processing time in ns */
    public long totalNanos() {
        return get(TOTAL_NANOS_OFFSET);
    }

    /** @return shortest processing time in ns, 0 before the first message */
    public long minNanos() {
        return get(MIN_NANOS_OFFSET);
    }

    /** @return longest processing time in ns */
    public long maxNanos() {
        return get(MAX_NANOS_OFFSET);
    }

    /** @return records written to the output ring */
    public long repliesWritten() {
        return get(REPLIES_WRITTEN_OFFSET);
    }

    /** @return the last error's wire code, 0 for none */
    public int lastErrorCode() {
        return (int) INT.getAcquire(buffer, offset + LAST_ERROR_CODE_OFFSET);
    }

    private long get(int field) {
        return (long) LONG.getAcquire(buffer, offset + field);
    }

    private void add(int field, long delta) {
        LONG.setRelease(buffer, offset + field, (long) LONG.getOpaque(buffer, offset + field) + delta);
    }
}
