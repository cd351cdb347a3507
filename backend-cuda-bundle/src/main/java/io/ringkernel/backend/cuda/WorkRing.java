package io.ringkernel.backend.cuda;

import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_TYPE_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_TYPE;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The ring between an EVENT_DRIVEN kernel's host thread and its CUDA loop, in mapped host memory:
 * fixed-size request slots the host fills with screened messages, and a result slot beside each
 * that the device fills with the handler's answer. A request slot starts with a sequence word:
 * position + 1 once the slot holds that position's message. Once a launch's results are all
 * written, the device release-stores the position up to which results are complete in the
 * completed word.
 *
 * <pre>
 *  +----------------+------------------------------------+-----------------------------------+
 *  |     completed  | request slots: capacity x stride   | result slots: capacity x stride   |
 *  +----------------+------------------------------------+-----------------------------------+
 *   0    72          REQUESTS_OFFSET
 *  request slot: 0 sequence | 8..63 the request's header bytes 8..63 | 64.. payload
 *  result slot:  0..7 unused | 8 result (length, RK_NO_REPLY, RK_FAILED) | 12 reply type | 16.. reply payload
 * </pre>
 *
 * <p>One host thread writes requests and reads results, one block reads requests and writes
 * results; the host frees a slot by reading its result.
 */
final class WorkRing {
    /** Offset of the position up to which results are complete, which the device publishes after each round. */
    static final int COMPLETED_OFFSET = 72;
    /** Offset of the first request slot. */
    static final int REQUESTS_OFFSET = 128;
    /** Offset of the sequence word in a request slot. */
    static final int SEQUENCE_OFFSET = 0;
    /** Offset of the handler's result in a result slot. */
    static final int RESULT_CODE_OFFSET = 8;
    /** Offset of the reply's wire type in a result slot. */
    static final int RESULT_TYPE_OFFSET = 12;
    /** Offset of the reply payload in a result slot. */
    static final int RESULT_PAYLOAD_OFFSET = 16;
    /** Slot alignment: whole cache lines. */
    static final int SLOT_ALIGNMENT = 128;

    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ByteBuffer memory;
    private final int capacity;
    private final int stride;
    private final int resultsOffset;
    private long forwarded;
    private long collected;
    /* The completed word when last read: results before it need no further read of it. */
    private long completed;

    /**
     * @param memory zeroed mapped memory of at least {@link #requiredBytes} bytes
     * @param capacity slots, a power of two
     * @param stride bytes per slot, a multiple of {@link #SLOT_ALIGNMENT}
     */
    WorkRing(ByteBuffer memory, int capacity, int stride) {
        this.memory = memory.order(ByteOrder.LITTLE_ENDIAN);
        this.capacity = capacity;
        this.stride = stride;
        this.resultsOffset = REQUESTS_OFFSET + capacity * stride;
    }

    /**
     * @param capacity slots
     * @param stride bytes per slot
     * @return bytes the ring needs
     */
    static long requiredBytes(int capacity, int stride) {
        return REQUESTS_OFFSET + 2L * capacity * stride;
    }

    /**
     * @param maxPayload the kernel's largest payload
     * @return the slot size that fits a header and that payload, in whole cache lines
     */
    static int strideFor(int maxPayload) {
        return (HEADER_LENGTH + maxPayload + SLOT_ALIGNMENT - 1) & -SLOT_ALIGNMENT;
    }

    int capacity() {
        return capacity;
    }

    int stride() {
        return stride;
    }

    /** @return slots free for new requests */
    int free() {
        return capacity - (int) (forwarded - collected);
    }

    /** @return requests forwarded whose results have not been collected */
    int outstanding() {
        return (int) (forwarded - collected);
    }

    /** @return the position of the oldest outstanding request */
    long collectPosition() {
        return collected;
    }

    /** @return the position of the next request to forward */
    long forwardPosition() {
        return forwarded;
    }

    /**
     * Forwards a message: copies its header and payload into the next request slot and publishes
     * it. The caller checked {@link #free()}.
     *
     * @param record the input ring's buffer
     * @param offset the record's header
     * @param length header and payload bytes
     */
    void forward(ByteBuffer record, int offset, int length) {
        int at = requestOffset(forwarded);
        memory.put(at + Long.BYTES, record, offset + Long.BYTES, length - Long.BYTES);
        publish(at);
    }

    /**
     * Forwards a placeholder for a message the host answers itself, so that its answer keeps its
     * place among the replies: its header, marked for the device to skip.
     *
     * @param record the input ring's buffer
     * @param offset the record's header
     */
    void forwardSkip(ByteBuffer record, int offset) {
        int at = requestOffset(forwarded);
        memory.put(at + Long.BYTES, record, offset + Long.BYTES, HEADER_LENGTH - Long.BYTES);
        memory.putInt(at + MESSAGE_TYPE_OFFSET, PADDING_TYPE);
        publish(at);
    }

    private void publish(int at) {
        forwarded++;
        LONG.setRelease(memory, at + SEQUENCE_OFFSET, forwarded);
    }

    /** @return true if the device has written the result of the oldest outstanding request */
    boolean resultReady() {
        if (collected < completed) {
            return true;
        }
        if (forwarded == collected) {
            return false;
        }
        completed = (long) LONG.getAcquire(memory, COMPLETED_OFFSET);
        return collected < completed;
    }

    /** @return offset of the oldest outstanding request's slot, its header at 0 (commit word excepted) */
    int oldestRequest() {
        return requestOffset(collected);
    }

    /** @return offset of the oldest outstanding request's result slot */
    int oldestResult() {
        return resultOffset(collected);
    }

    /** Frees the oldest outstanding request's slots. */
    void collect() {
        collected++;
    }

    /** @return the ring's memory */
    ByteBuffer memory() {
        return memory;
    }

    private int requestOffset(long position) {
        return REQUESTS_OFFSET + (int) (position & (capacity - 1)) * stride;
    }

    private int resultOffset(long position) {
        return resultsOffset + (int) (position & (capacity - 1)) * stride;
    }
}
