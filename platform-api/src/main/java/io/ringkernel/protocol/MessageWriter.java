package io.ringkernel.protocol;

import java.nio.ByteBuffer;

/**
 * Writes whole messages into a {@link ManyToOneSlotRing}: claim, header, payload, checksum,
 * commit. Safe for many threads at once: it keeps no state of its own.
 */
public final class MessageWriter {
    private static final ThreadLocal<MessageHeader> HEADER = ThreadLocal.withInitial(MessageHeader::new);

    private MessageWriter() {
    }

    /**
     * @param ring the ring
     * @param fields header values; {@code payloadLength} must equal the payload's remaining bytes
     * @param payload payload bytes between position and limit (not consumed)
     * @return the record's position, or {@link ManyToOneSlotRing#INSUFFICIENT_CAPACITY} when full now
     */
    public static long tryWrite(ManyToOneSlotRing ring, HeaderFields fields, ByteBuffer payload) {
        int length = payload.remaining();
        if (length != fields.payloadLength()) {
            throw new IllegalArgumentException("header says " + fields.payloadLength() + " payload bytes, buffer has " + length);
        }
        long position = ring.tryClaim(length);
        if (position == ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
            return position;
        }
        int offset = ring.offset(position);
        ByteBuffer target = ring.buffer();
        MessageHeader header = HEADER.get().wrap(target, offset).write(fields);
        target.put(header.payloadOffset(), payload, payload.position(), length);
        header.seal();
        ring.commit(position, length);
        return position;
    }
}
