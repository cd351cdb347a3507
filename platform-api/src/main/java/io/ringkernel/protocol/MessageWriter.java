package io.ringkernel.protocol;

import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_ID_OFFSET;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Writes whole messages into a {@link ManyToOneSlotRing}: claim, header, payload, checksum,
 * commit — one message at a time ({@link #tryWrite}) or a run of messages under one claim
 * ({@link #tryWriteRun}). Safe for many threads at once: each composes headers in a scratch of
 * its own.
 */
public final class MessageWriter {
    /* A header composed and sealed off the ring, then copied into it whole. */
    private static final ThreadLocal<MessageHeader> COMPOSED = ThreadLocal.withInitial(() -> new MessageHeader()
            .wrap(ByteBuffer.allocateDirect(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN), 0));

    private MessageWriter() {
    }

    /**
     * @param ring the ring
     * @param fields header values; {@code payloadLength} must equal the payload's remaining bytes
     * @param payload payload bytes between position and limit (not consumed)
     * @return the record's position, or {@link ManyToOneSlotRing#INSUFFICIENT_CAPACITY} when full now
     */
    public static long tryWrite(ManyToOneSlotRing ring, HeaderFields fields, ByteBuffer payload) {
        return tryWrite(ring, fields, payload, false);
    }

    /**
     * @param ring the ring
     * @param fields header values; {@code payloadLength} must equal the payload's remaining bytes
     * @param payload payload bytes between position and limit (not consumed)
     * @param admitted true only for the runtime's own sender, writing a message its codec encoded:
     *                 the record is committed {@link RingDescriptor#COMMIT_ADMITTED}
     * @return the record's position, or {@link ManyToOneSlotRing#INSUFFICIENT_CAPACITY} when full now
     */
    public static long tryWrite(ManyToOneSlotRing ring, HeaderFields fields, ByteBuffer payload, boolean admitted) {
        int length = payload.remaining();
        if (length != fields.payloadLength()) {
            throw new IllegalArgumentException("header says " + fields.payloadLength() + " payload bytes, buffer has " + length);
        }
        long position = ring.tryClaim(length);
        if (position != ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
            write(ring, COMPOSED.get(), position, fields, payload, payload.position(), admitted);
        }
        return position;
    }

    /**
     * Writes several messages as consecutive records under one claim
     * ({@link ManyToOneSlotRing#tryClaimSlots}): each record in turn gets its header, payload and
     * checksum and is committed, so the consumer may take the first while later ones are written.
     * Either every record is written or, when the ring has no room for all of them now, none.
     *
     * @param ring the ring
     * @param fields the records' header values, in order; each {@code payloadLength} says how many
     *               bytes of {@code payloads} are the record's
     * @param payloads the records' payloads back to back between position and limit, exactly as
     *                 many bytes as the payload lengths add up to (not consumed)
     * @return the first record's position, or {@link ManyToOneSlotRing#INSUFFICIENT_CAPACITY} when full now
     * @throws IllegalArgumentException if there are no records, a payload length is negative, the
     *         lengths do not add up to the payload bytes, or the records take more than half the ring
     */
    public static long tryWriteRun(ManyToOneSlotRing ring, List<HeaderFields> fields, ByteBuffer payloads) {
        return tryWriteRun(ring, fields, payloads, false);
    }

    /**
     * {@link #tryWriteRun(ManyToOneSlotRing, List, ByteBuffer)}, each record committed
     * {@link RingDescriptor#COMMIT_ADMITTED} if {@code admitted}.
     *
     * @param ring the ring
     * @param fields the records' header values, in order
     * @param payloads the records' payloads back to back
     * @param admitted true only for the runtime's own sender, writing messages its codecs encoded
     * @return the first record's position, or {@link ManyToOneSlotRing#INSUFFICIENT_CAPACITY} when full now
     */
    public static long tryWriteRun(ManyToOneSlotRing ring, List<HeaderFields> fields, ByteBuffer payloads,
                                   boolean admitted) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one record");
        }
        long bytes = 0;
        int slots = 0;
        for (HeaderFields record : fields) {
            if (record.payloadLength() < 0) {
                throw new IllegalArgumentException("header says " + record.payloadLength() + " payload bytes");
            }
            bytes += record.payloadLength();
            slots += ring.slotsFor(record.payloadLength());
        }
        if (bytes != payloads.remaining()) {
            throw new IllegalArgumentException("headers say " + bytes + " payload bytes, buffer has " + payloads.remaining());
        }
        long first = ring.tryClaimSlots(slots);
        if (first == ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
            return first;
        }
        MessageHeader composed = COMPOSED.get();
        long position = first;
        int from = payloads.position();
        for (HeaderFields record : fields) {
            write(ring, composed, position, record, payloads, from, admitted);
            position += ring.slotsFor(record.payloadLength());
            from += record.payloadLength();
        }
        return first;
    }

    /**
     * Writes a run of messages of one type and payload length under one claim, as
     * {@link #tryWriteRun(ManyToOneSlotRing, List, ByteBuffer, boolean)} does, with no header
     * values per message: record {@code i} gets {@code template}'s values, the message id
     * {@code template.messageId() + i}, the timestamp {@code template.timestamp() + i} (a run
     * {@link HybridLogicalClock#tick(long, int) reserved} on the clock) and the {@code i}-th
     * {@code template.payloadLength()} bytes of {@code payloads}.
     *
     * @param ring the ring
     * @param template the first record's header values
     * @param count how many records
     * @param payloads the records' payloads back to back between position and limit, exactly
     *                 {@code count} payload lengths (not consumed)
     * @param admitted true only for the runtime's own sender, writing messages its codec encoded
     * @return the first record's position, or {@link ManyToOneSlotRing#INSUFFICIENT_CAPACITY} when full now
     * @throws IllegalArgumentException if {@code count} is less than 1, the payload length is
     *         negative, the payload bytes are not {@code count} payloads, or the records take more
     *         than half the ring
     */
    public static long tryWriteRun(ManyToOneSlotRing ring, HeaderFields template, int count, ByteBuffer payloads,
                                   boolean admitted) {
        int length = template.payloadLength();
        if (count < 1 || length < 0) {
            throw new IllegalArgumentException("a run needs at least one record and a payload length of at least 0, got "
                    + count + " record(s) of " + length + " bytes");
        }
        if ((long) count * length != payloads.remaining()) {
            throw new IllegalArgumentException(count + " records of " + length + " payload bytes, buffer has "
                    + payloads.remaining());
        }
        int slots = ring.slotsFor(length);
        long first = ring.tryClaimSlots((int) Math.min(Integer.MAX_VALUE, (long) count * slots));
        if (first == ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
            return first;
        }
        MessageHeader composed = COMPOSED.get().write(template);
        for (int i = 0; i < count; i++) {
            composed.restamp(template.messageId() + i, template.timestamp() + i);
            place(ring, composed, first + (long) i * slots, payloads, payloads.position() + i * length, admitted);
        }
        return first;
    }

    /** Writes one record at a claimed position, header, payload and checksum, then commits it. */
    private static void write(ManyToOneSlotRing ring, MessageHeader composed, long position, HeaderFields fields,
                              ByteBuffer payloads, int from, boolean admitted) {
        place(ring, composed.write(fields), position, payloads, from, admitted);
    }

    /**
     * Seals a header composed off the ring over its payload, copies both into the ring and commits
     * the record: its lines take two copies and the commit word rather than a store per field, so
     * a consumer polling them takes them from the writer's cache fewer times.
     */
    private static void place(ManyToOneSlotRing ring, MessageHeader composed, long position, ByteBuffer payloads,
                              int from, boolean admitted) {
        int length = composed.payloadLength();
        composed.seal(payloads, from);
        ByteBuffer target = ring.buffer();
        int offset = ring.offset(position);
        target.put(offset + MESSAGE_ID_OFFSET, composed.buffer(), MESSAGE_ID_OFFSET, HEADER_LENGTH - MESSAGE_ID_OFFSET);
        target.put(offset + HEADER_LENGTH, payloads, from, length);
        ring.commit(position, length, admitted);
    }
}
