package io.ringkernel.backend.cuda;

import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_TYPE_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_TYPE;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The ring between an EVENT_DRIVEN kernel's host thread and its CUDA loop, in mapped host memory:
 * fixed-size request slots the host fills with screened messages, and a result slot beside each
 * that the device fills with the handler's answer. The host launches the loop over the requests
 * it forwarded and synchronizes with it before it reads a result, so every request forwarded has
 * its result when the host looks, and the ring needs no sequence or completion words.
 *
 * <pre>
 *  +------------------------------------+-----------------------------------+
 *  | request slots: capacity x stride   | result slots: capacity x stride   |
 *  +------------------------------------+-----------------------------------+
 *   0
 *  request slot: 0..7 unused | 8..63 the request's header bytes 8..63 | 64.. payload
 *  result slot:  0..7 unused | 8 result (length, RK_NO_REPLY, RK_FAILED) | 12 reply type | 16.. reply payload
 * </pre>
 *
 * <p>One host thread writes requests and reads results, one block reads requests and writes
 * results; the host frees a slot by reading its result.
 */
final class WorkRing {
    /** Offset of the first request slot. */
    static final int REQUESTS_OFFSET = 0;
    /** Offset of the handler's result in a result slot. */
    static final int RESULT_CODE_OFFSET = 8;
    /** Offset of the reply's wire type in a result slot. */
    static final int RESULT_TYPE_OFFSET = 12;
    /** Offset of the reply payload in a result slot. */
    static final int RESULT_PAYLOAD_OFFSET = 16;
    /** Slot alignment: whole cache lines. */
    static final int SLOT_ALIGNMENT = 128;

    private final ByteBuffer memory;
    private final int capacity;
    private final int stride;
    private final int resultsOffset;
    private long forwarded;
    private long collected;

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
     * Forwards a message: copies its header and payload into the next request slot. The caller
     * checked {@link #free()}.
     *
     * @param record the input ring's buffer
     * @param offset the record's header
     * @param length header and payload bytes
     */
    void forward(ByteBuffer record, int offset, int length) {
        int at = requestOffset(forwarded);
        memory.put(at + Long.BYTES, record, offset + Long.BYTES, length - Long.BYTES);
        forwarded++;
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
        forwarded++;
    }

    /**
     * @return true if a forwarded request's result waits to be collected: the host synchronized
     *         with the launch over it, so its result is written
     */
    boolean resultReady() {
        return collected < forwarded;
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
