package io.ringkernel.protocol;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** CRC32C over header bytes 8..55 and the payload, as {@link MessageHeaderDescriptor} defines. */
public final class MessageChecksum {
    private MessageChecksum() {
    }

    /**
     * @param buffer buffer holding the record
     * @param headerOffset where the header starts
     * @param payloadLength payload bytes that follow the header
     * @return the checksum
     */
    public static int compute(ByteBuffer buffer, int headerOffset, int payloadLength) {
        return compute(buffer, headerOffset, buffer, headerOffset + MessageHeaderDescriptor.HEADER_LENGTH, payloadLength);
    }

    /**
     * The checksum of a record whose header and payload lie apart, as in a header composed before
     * the record is copied into a ring.
     *
     * @param header buffer holding the header
     * @param headerOffset where the header starts
     * @param payload buffer holding the payload
     * @param payloadOffset where the payload starts
     * @param payloadLength payload bytes
     * @return the checksum the record has once header and payload are put together
     */
    public static int compute(ByteBuffer header, int headerOffset, ByteBuffer payload, int payloadOffset,
                              int payloadLength) {
        CRC32C crc = new CRC32C(); // a fresh one is cheaper than a thread-local lookup on the hot path
        crc.update(header.slice(headerOffset + MessageHeaderDescriptor.CHECKSUM_START,
                MessageHeaderDescriptor.CHECKSUM_HEADER_LENGTH));
        if (payloadLength > 0) {
            crc.update(payload.slice(payloadOffset, payloadLength));
        }
        return (int) crc.getValue();
    }
}
