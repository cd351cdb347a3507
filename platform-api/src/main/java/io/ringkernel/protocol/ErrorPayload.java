package io.ringkernel.protocol;

import io.ringkernel.api.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Payload of an error reply ({@link MessageHeaderDescriptor#ERROR_TYPE}): an int error code
 * followed by a UTF-8 explanation.
 *
 * @param code why the message failed
 * @param detail the explanation
 */
public record ErrorPayload(ErrorCode code, String detail) {
    /** Longest explanation kept, in bytes; longer ones are cut at a character boundary. */
    public static final int MAX_DETAIL_BYTES = 512;

    /** @return the payload bytes, ready to write */
    public ByteBuffer encode() {
        byte[] text = detail.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, MAX_DETAIL_BYTES);
        while (length < text.length && (text[length] & 0xC0) == 0x80) {
            length--; // never cut inside a UTF-8 sequence: back up to the start of the cut character
        }
        ByteBuffer bytes = ByteBuffer.allocate(4 + length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(code.wireCode()).put(text, 0, length).flip();
        return bytes;
    }

    /**
     * @param buffer the ring buffer
     * @param offset payload start
     * @param length payload length
     * @return the decoded error; a payload too short for a code reads as a malformed message
     */
    public static ErrorPayload decode(ByteBuffer buffer, int offset, int length) {
        if (length < 4) {
            return new ErrorPayload(ErrorCode.MALFORMED_MESSAGE, "error reply of " + length + " bytes has no code");
        }
        ByteBuffer source = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        byte[] text = new byte[length - 4];
        source.get(offset + 4, text);
        return new ErrorPayload(ErrorCode.fromWire(source.getInt(offset)), new String(text, StandardCharsets.UTF_8));
    }
}
