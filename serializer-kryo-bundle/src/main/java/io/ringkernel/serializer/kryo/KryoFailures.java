package io.ringkernel.serializer.kryo;

import com.esotericsoftware.kryo.KryoException;
import io.ringkernel.api.SerializationException;
import io.ringkernel.spi.MessageType;

/**
 * Turns Kryo's exceptions into {@link SerializationException}s that name the message type and
 * what went wrong. A decoding failure quotes only this package's own checks and Kryo's own
 * wording, never text that could have come from the payload.
 */
final class KryoFailures {
    private static final int MAX_DETAIL_LENGTH = 200;

    private KryoFailures() {
    }

    /**
     * @param type the message type
     * @param cause why Kryo could not write the message
     * @return the exception to throw
     */
    static SerializationException unencodable(MessageType<?> type, RuntimeException cause) {
        return new SerializationException(null, "cannot encode " + describe(type) + " with kryo: " + detail(cause), cause);
    }

    /**
     * @param type the message type
     * @param detail why the message cannot be encoded
     * @return the exception to throw
     */
    static SerializationException unencodable(MessageType<?> type, String detail) {
        return new SerializationException(null, "cannot encode " + describe(type) + " with kryo: " + detail, null);
    }

    /**
     * @param type the message type
     * @param payloadLength the payload's length in bytes
     * @param cause why Kryo could not read the payload
     * @return the exception to throw
     */
    static SerializationException malformed(MessageType<?> type, int payloadLength, RuntimeException cause) {
        return new SerializationException(null, "cannot decode " + describe(type) + " from a " + payloadLength
                + "-byte kryo payload: " + payloadDetail(cause), cause);
    }

    /**
     * @param type the message type
     * @return e.g. {@code message type 3 (com.example.Order)}
     */
    static String describe(MessageType<?> type) {
        return "message type " + type.typeId() + " (" + type.javaType().getName() + ")";
    }

    private static String payloadDetail(RuntimeException cause) {
        boolean kryosOwnWords = cause instanceof KryoException && cause.getCause() == null;
        if (kryosOwnWords) {
            return detail(cause);
        }
        return "the bytes do not form a valid message (" + cause.getClass().getSimpleName() + ")";
    }

    /** The first line of the exception's message, printable ASCII only and bounded in length. */
    private static String detail(RuntimeException cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
        StringBuilder detail = new StringBuilder(Math.min(message.length(), MAX_DETAIL_LENGTH));
        for (int i = 0; i < message.length() && detail.length() < MAX_DETAIL_LENGTH; i++) {
            char c = message.charAt(i);
            detail.append(c >= ' ' && c <= '~' ? c : '?');
        }
        return detail.length() == 0 ? cause.getClass().getSimpleName() : detail.toString();
    }
}
