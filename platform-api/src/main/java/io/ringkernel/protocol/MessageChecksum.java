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
        CRC32C crc = new CRC32C(); // a fresh one is cheaper than a thread-local lookup on the hot path
        crc.update(buffer.slice(headerOffset + MessageHeaderDescriptor.CHECKSUM_START,
                MessageHeaderDescriptor.CHECKSUM_HEADER_LENGTH));
        if (payloadLength > 0) {
            crc.update(buffer.slice(headerOffset + MessageHeaderDescriptor.HEADER_LENGTH, payloadLength));
        }
        return (int) crc.getValue();
    }
}
