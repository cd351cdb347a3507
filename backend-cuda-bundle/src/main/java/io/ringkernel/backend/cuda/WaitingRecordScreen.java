package io.ringkernel.backend.cuda;

import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.RingDescriptor;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.host.MessageExchange;
import java.util.HashMap;
import java.util.Map;

/**
 * The host's screen of input records a PERSISTENT loop waits at: records no one admitted (another
 * producer than the runtime's sender wrote them). Each is screened as the other backends screen
 * every record (header, checksum, clock, deadline, type, payload shape, size) and its commit word
 * is marked {@link RingDescriptor#COMMIT_ADMITTED} or {@link RingDescriptor#COMMIT_REJECTED}
 * ({@link ManyToOneSlotRing#mark}); a rejection is kept, by ring position, for the entry
 * that later answers the record in its place among the replies. Used by the kernel's host thread
 * only.
 */
final class WaitingRecordScreen {
    /** Most records screened at one call. */
    static final int LIMIT = 1024;

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
        int screened = 0;
        while (screened < LIMIT) {
            long commit = input.commitWord(position);
            long end = commit & RingDescriptor.COMMIT_END_MASK;
            int slots = (int) (end - position);
            if (end <= position || (commit & ~RingDescriptor.COMMIT_END_MASK) != 0 || input.isPadding(position, slots)) {
                break;
            }
            header.wrap(input.buffer(), input.offset(position));
            MessageExchange.Rejection rejection = screen(exchange, header, slots * input.slotSize(), codecs,
                    maxRecordBytes, maxPayload);
            if (rejection != null) {
                refused.put(position, rejection);
            }
            screenedUpTo = position;
            input.mark(position, rejection == null ? RingDescriptor.COMMIT_ADMITTED : RingDescriptor.COMMIT_REJECTED);
            screened++;
            position = end;
        }
        return screened;
    }

    /**
     * Screens a record for a CUDA loop, on the host: as {@link MessageExchange#screenAndCheck},
     * and whether header and payload fit the bytes the device stages for a record.
     *
     * @param exchange the kernel's exchange
     * @param request the record's header, wrapped over it
     * @param recordLength the record's length in its ring
     * @param codecs the kernel's codecs, by wire type
     * @param maxRecordBytes the most bytes of header and payload the device stages
     * @param maxPayload the kernel's largest payload, named in the rejection of a larger one
     * @return null if the device may take it, or why not
     */
    static MessageExchange.Rejection screen(MessageExchange exchange, MessageHeader request, int recordLength,
                                            Map<Integer, MessageCodec> codecs, int maxRecordBytes, int maxPayload) {
        MessageExchange.Rejection rejection = exchange.screenAndCheck(request, recordLength, codecs);
        if (rejection == null && HEADER_LENGTH + request.payloadLength() > maxRecordBytes) {
            return new MessageExchange.Rejection(ErrorCode.MALFORMED_MESSAGE, "payload of " + request.payloadLength()
                    + " bytes exceeds the kernel's maximum of " + maxPayload);
        }
        return rejection;
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
