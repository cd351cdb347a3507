package io.ringkernel.backend.cuda;

import static io.ringkernel.protocol.MessageHeaderDescriptor.CHECKSUM_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.COMMIT_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_TYPE_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_MARK;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_TYPE;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.RingDescriptor;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.host.MessageExchange;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * The host's screen of input records a PERSISTENT loop waits at: records no one admitted (another
 * producer than the runtime's sender wrote them). Each is screened as the other backends screen
 * every record (header, checksum, clock, deadline, type, payload shape, size) and its commit word
 * is release-stored marked {@link RingDescriptor#COMMIT_ADMITTED} or
 * {@link RingDescriptor#COMMIT_REJECTED}; a rejection is kept, by ring position, for the entry
 * that later answers the record in its place among the replies. Used by the kernel's host thread
 * only.
 */
final class WaitingRecordScreen {
    /** Most records screened at one call. */
    static final int LIMIT = 1024;
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ManyToOneSlotRing input;
    private final MessageExchange exchange;
    private final int maxRecordBytes;
    private final int maxPayload;
    private final MessageHeader header = new MessageHeader();
    private final Map<Long, MessageExchange.Rejection> refused = new HashMap<>();
    private long screenedUpTo = -1;

    /**
     * @param input the kernel's input ring
     * @param exchange the kernel's exchange, which screens and keeps the kernel's clock
     * @param maxRecordBytes the most bytes of header and payload the device stages for a record
     * @param maxPayload the kernel's largest payload, named in the rejection of a larger one
     */
    WaitingRecordScreen(ManyToOneSlotRing input, MessageExchange exchange, int maxRecordBytes, int maxPayload) {
        this.input = input;
        this.exchange = exchange;
        this.maxRecordBytes = maxRecordBytes;
        this.maxPayload = maxPayload;
    }

    /** @return the position of the last record screened, -1 before any */
    long screenedUpTo() {
        return screenedUpTo;
    }

    /**
     * Screens the record the device waits at and the unscreened records right after it. It stops
     * at the first record the device may take by itself (one already marked, or padding), or not
     * yet committed: past it the device may overtake, and a producer reuse the slots it frees.
     *
     * @param position the ring position the device waits at; nothing happens if it was screened already
     * @param codecs the kernel's codecs, by wire type
     * @return records screened
     */
    int screenFrom(long position, Map<Integer, MessageCodec> codecs) {
        if (position <= screenedUpTo) {
            return 0;
        }
        ByteBuffer ring = input.buffer();
        int screened = 0;
        while (screened < LIMIT) {
            int offset = input.offset(position);
            long commit = (long) LONG.getAcquire(ring, offset + COMMIT_OFFSET);
            long end = commit & RingDescriptor.COMMIT_END_MASK;
            int slots = (int) (end - position);
            if (end <= position || (commit & ~RingDescriptor.COMMIT_END_MASK) != 0 || isPadding(ring, offset, slots, position)) {
                break;
            }
            header.wrap(ring, offset);
            MessageExchange.Rejection rejection = exchange.screenAndCheck(header, slots * input.slotSize(), codecs);
            if (rejection == null && HEADER_LENGTH + header.payloadLength() > maxRecordBytes) {
                rejection = new MessageExchange.Rejection(ErrorCode.MALFORMED_MESSAGE, "payload of "
                        + header.payloadLength() + " bytes exceeds the kernel's maximum of " + maxPayload);
            }
            if (rejection != null) {
                refused.put(position, rejection);
            }
            screenedUpTo = position;
            LONG.setRelease(ring, offset + COMMIT_OFFSET,
                    commit | (rejection == null ? RingDescriptor.COMMIT_ADMITTED : RingDescriptor.COMMIT_REJECTED));
            screened++;
            position = end;
        }
        return screened;
    }

    private boolean isPadding(ByteBuffer ring, int offset, int slots, long position) {
        return ring.getInt(offset + MESSAGE_TYPE_OFFSET) == PADDING_TYPE
                && ring.getInt(offset + CHECKSUM_OFFSET) == PADDING_MARK
                && slots == input.capacity() - (int) (position & (input.capacity() - 1));
    }

    /**
     * @param position the ring position of a record this screen rejected
     * @return its rejection, now forgotten
     * @throws IllegalStateException if this screen did not reject a record there
     */
    MessageExchange.Rejection refusal(long position) {
        MessageExchange.Rejection rejection = refused.remove(position);
        if (rejection == null) {
            throw new IllegalStateException("the device handed back a record at ring position " + position
                    + " as refused, which the host did not reject");
        }
        return rejection;
    }

    /** Forgets the rejection of a record at a position, if any: the record was abandoned. */
    void forget(long position) {
        refused.remove(position);
    }
}
