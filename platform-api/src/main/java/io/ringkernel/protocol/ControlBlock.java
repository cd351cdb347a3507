package io.ringkernel.protocol;

import static io.ringkernel.protocol.BufferAccess.INT;
import static io.ringkernel.protocol.BufferAccess.LONG;
import static io.ringkernel.protocol.ControlBlockDescriptor.*;

import java.nio.ByteBuffer;

/** Flyweight over a kernel's control block ({@link ControlBlockDescriptor}). Thread-safe. */
public final class ControlBlock {
    private final ByteBuffer buffer;
    private final int offset;

    /**
     * @param memory direct buffer holding the block
     * @param offset where it starts, 128-byte aligned
     */
    public ControlBlock(ByteBuffer memory, int offset) {
        BufferAccess.requireRegion("control block", memory, offset, LENGTH, ALIGNMENT);
        this.buffer = BufferAccess.littleEndian(memory);
        this.offset = offset;
    }

    /**
     * Host side: writes the static fields of line 0 before launch.
     *
     * @param kernelNumber the kernel's number
     * @param input the input ring
     * @param output the output ring
     * @param maxPayload largest accepted payload
     * @param eventDriven true for event-driven mode
     */
    public void initialise(int kernelNumber, ManyToOneSlotRing input, ManyToOneSlotRing output, int maxPayload,
                           boolean eventDriven) {
        buffer.putInt(offset + KERNEL_NUMBER_OFFSET, kernelNumber);
        buffer.putInt(offset + PROTOCOL_VERSION_OFFSET, MessageHeaderDescriptor.VERSION);
        buffer.putInt(offset + INPUT_CAPACITY_OFFSET, input.capacity());
        buffer.putInt(offset + INPUT_SLOT_SIZE_OFFSET, input.slotSize());
        buffer.putInt(offset + OUTPUT_CAPACITY_OFFSET, output.capacity());
        buffer.putInt(offset + OUTPUT_SLOT_SIZE_OFFSET, output.slotSize());
        buffer.putInt(offset + MAX_PAYLOAD_OFFSET, maxPayload);
        INT.setRelease(buffer, offset + MODE_OFFSET, eventDriven ? 1 : 0);
    }

    /** @return the kernel's number */
    public int kernelNumber() {
        return buffer.getInt(offset + KERNEL_NUMBER_OFFSET);
    }

    /** @return the largest payload the kernel accepts */
    public int maxPayload() {
        return buffer.getInt(offset + MAX_PAYLOAD_OFFSET);
    }

    /** @param active host asks the kernel to process (true) or park (false) */
    public void requestActive(boolean active) {
        INT.setRelease(buffer, offset + ACTIVE_REQUESTED_OFFSET, active ? 1 : 0);
    }

    /** @return whether the host asks the kernel to process */
    public boolean activeRequested() {
        return (int) INT.getAcquire(buffer, offset + ACTIVE_REQUESTED_OFFSET) != 0;
    }

    /** Host asks the kernel's loop to exit. */
    public void requestTerminate() {
        INT.setRelease(buffer, offset + TERMINATE_REQUESTED_OFFSET, 1);
    }

    /** @return whether the host asked the kernel's loop to exit */
    public boolean terminateRequested() {
        return (int) INT.getAcquire(buffer, offset + TERMINATE_REQUESTED_OFFSET) != 0;
    }

    /** Kernel side: its loop has exited. */
    public void markTerminated() {
        INT.setRelease(buffer, offset + HAS_TERMINATED_OFFSET, 1);
    }

    /**
     * Host side: clears the terminate request and the kernel's exit mark, so that a kernel can be
     * launched again over this control block and its queues (a restart).
     */
    public void rearm() {
        INT.setRelease(buffer, offset + TERMINATE_REQUESTED_OFFSET, 0);
        INT.setRelease(buffer, offset + HAS_TERMINATED_OFFSET, 0);
    }

    /** @return whether the kernel's loop has exited */
    public boolean hasTerminated() {
        return (int) INT.getAcquire(buffer, offset + HAS_TERMINATED_OFFSET) != 0;
    }

    /** @param wireCode kernel side: the last error's wire code */
    public void lastError(int wireCode) {
        INT.setRelease(buffer, offset + LAST_ERROR_OFFSET, wireCode);
    }

    /** @return the last error's wire code, 0 for none */
    public int lastError() {
        return (int) INT.getAcquire(buffer, offset + LAST_ERROR_OFFSET);
    }

    /** Kernel side: one more loop iteration. */
    public void beat() {
        LONG.setRelease(buffer, offset + HEARTBEAT_OFFSET, (long) LONG.getOpaque(buffer, offset + HEARTBEAT_OFFSET) + 1);
    }

    /** @return the kernel's loop iterations */
    public long heartbeat() {
        return (long) LONG.getAcquire(buffer, offset + HEARTBEAT_OFFSET);
    }

    /** @param count kernel side: messages being processed now */
    public void inFlight(long count) {
        LONG.setRelease(buffer, offset + IN_FLIGHT_OFFSET, count);
    }

    /** @return messages being processed now */
    public long inFlight() {
        return (long) LONG.getAcquire(buffer, offset + IN_FLIGHT_OFFSET);
    }

    /** @param packed kernel side: its hybrid logical clock */
    public void clock(long packed) {
        LONG.setRelease(buffer, offset + CLOCK_OFFSET, packed);
    }

    /** @return the kernel's hybrid logical clock, packed */
    public long clock() {
        return (long) LONG.getAcquire(buffer, offset + CLOCK_OFFSET);
    }
}
