package io.ringkernel.protocol;

import static io.ringkernel.protocol.MessageHeaderDescriptor.*;

import java.nio.ByteBuffer;

/**
 * Flyweight over one message header ({@link MessageHeaderDescriptor}): wrap it over a record,
 * then read or write fields in place. Not thread-safe; one per thread.
 */
public final class MessageHeader {
    private ByteBuffer buffer;
    private int offset;

    /**
     * @param buffer a little-endian buffer holding the header (for example {@link ManyToOneSlotRing#buffer()})
     * @param offset where the header starts
     * @return this flyweight
     */
    public MessageHeader wrap(ByteBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** @return the wrapped buffer */
    public ByteBuffer buffer() {
        return buffer;
    }

    /** @return where the header starts */
    public int offset() {
        return offset;
    }

    /** @return where the payload starts */
    public int payloadOffset() {
        return offset + HEADER_LENGTH;
    }

    /** @return message id */
    public long messageId() {
        return buffer.getLong(offset + MESSAGE_ID_OFFSET);
    }

    /** @return correlation id */
    public long correlationId() {
        return buffer.getLong(offset + CORRELATION_ID_OFFSET);
    }

    /** @return packed hybrid logical clock of the sender */
    public long timestamp() {
        return buffer.getLong(offset + TIMESTAMP_OFFSET);
    }

    /** @return packed deadline, 0 for none */
    public long deadline() {
        return buffer.getLong(offset + DEADLINE_OFFSET);
    }

    /** @return source kernel number */
    public int sourceKernel() {
        return buffer.getInt(offset + SOURCE_KERNEL_OFFSET);
    }

    /** @return destination kernel number */
    public int destinationKernel() {
        return buffer.getInt(offset + DESTINATION_KERNEL_OFFSET);
    }

    /** @return message type id */
    public int messageType() {
        return buffer.getInt(offset + MESSAGE_TYPE_OFFSET);
    }

    /** @return payload length in bytes */
    public int payloadLength() {
        return buffer.getInt(offset + PAYLOAD_LENGTH_OFFSET);
    }

    /** @return checksum field */
    public int checksum() {
        return buffer.getInt(offset + CHECKSUM_OFFSET);
    }

    /** @return flags */
    public short flags() {
        return buffer.getShort(offset + FLAGS_OFFSET);
    }

    /** @return priority */
    public byte priority() {
        return buffer.get(offset + PRIORITY_OFFSET);
    }

    /** @return protocol version */
    public byte version() {
        return buffer.get(offset + VERSION_OFFSET);
    }

    /**
     * @param flag one of the {@code FLAG_*} constants
     * @return true if it is set
     */
    public boolean hasFlag(short flag) {
        return (flags() & flag) != 0;
    }

    /**
     * Writes every field but the commit word (which the ring owns) and the checksum.
     *
     * @param fields the values
     * @return this flyweight
     */
    public MessageHeader write(HeaderFields fields) {
        buffer.putLong(offset + MESSAGE_ID_OFFSET, fields.messageId());
        buffer.putLong(offset + CORRELATION_ID_OFFSET, fields.correlationId());
        buffer.putLong(offset + TIMESTAMP_OFFSET, fields.timestamp());
        buffer.putLong(offset + DEADLINE_OFFSET, fields.deadline());
        buffer.putInt(offset + SOURCE_KERNEL_OFFSET, fields.sourceKernel());
        buffer.putInt(offset + DESTINATION_KERNEL_OFFSET, fields.destinationKernel());
        buffer.putInt(offset + MESSAGE_TYPE_OFFSET, fields.messageType());
        buffer.putInt(offset + PAYLOAD_LENGTH_OFFSET, fields.payloadLength());
        buffer.putShort(offset + FLAGS_OFFSET, fields.flags());
        buffer.put(offset + PRIORITY_OFFSET, fields.priority());
        buffer.put(offset + VERSION_OFFSET, VERSION);
        return this;
    }

    /**
     * Gives a header written before another message id and timestamp, its other fields kept: one
     * header serves a run of messages.
     *
     * @param messageId the message's id
     * @param timestamp the message's timestamp
     * @return this flyweight
     */
    public MessageHeader restamp(long messageId, long timestamp) {
        buffer.putLong(offset + MESSAGE_ID_OFFSET, messageId);
        buffer.putLong(offset + TIMESTAMP_OFFSET, timestamp);
        return this;
    }

    /**
     * Computes the checksum over the header and payload as written, stores it and sets
     * {@link MessageHeaderDescriptor#FLAG_CHECKSUM}.
     *
     * @return this flyweight
     */
    public MessageHeader seal() {
        return seal(buffer, payloadOffset());
    }

    /**
     * Seals a header composed apart from its payload, as {@link #seal()} seals one followed by its
     * payload: the checksum covers the header and the {@link #payloadLength()} bytes at
     * {@code payloadOffset} of {@code payload}.
     *
     * @param payload buffer holding the payload
     * @param payloadOffset where the payload starts
     * @return this flyweight
     */
    public MessageHeader seal(ByteBuffer payload, int payloadOffset) {
        buffer.putShort(offset + FLAGS_OFFSET, (short) (flags() | FLAG_CHECKSUM));
        buffer.putInt(offset + CHECKSUM_OFFSET, MessageChecksum.compute(buffer, offset, payload, payloadOffset,
                payloadLength()));
        return this;
    }

    /**
     * Checks a received header against the record it came in.
     *
     * @param recordLength bytes the record spans, header included
     * @return what is wrong with it, or {@code null} when it is well formed
     */
    public String problem(int recordLength) {
        if (version() != VERSION) {
            return "protocol version " + version() + ", expected " + VERSION;
        }
        int length = payloadLength();
        if (length < 0 || length > recordLength - HEADER_LENGTH) {
            return "payload length " + length + " does not fit its record of " + recordLength + " bytes";
        }
        if (hasFlag(FLAG_CHECKSUM) && MessageChecksum.compute(buffer, offset, length) != checksum()) {
            return "checksum mismatch";
        }
        return null;
    }
}
