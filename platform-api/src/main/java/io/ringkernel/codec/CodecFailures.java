package io.ringkernel.codec;

import io.ringkernel.api.SerializationException;

/** The exceptions this package throws, worded the same way everywhere. */
final class CodecFailures {

    private CodecFailures() {
    }

    /**
     * @param type the record type being decoded
     * @param detail what was wrong with the bytes
     * @return an exception saying the payload is not a valid encoding of the type
     */
    static SerializationException malformed(Class<?> type, String detail) {
        return malformed(type, detail, null);
    }

    /**
     * @param type the record type being decoded
     * @param detail what was wrong with the bytes
     * @param cause the underlying exception, or {@code null}
     * @return an exception saying the payload is not a valid encoding of the type
     */
    static SerializationException malformed(Class<?> type, String detail, Throwable cause) {
        return new SerializationException(null, "malformed fixed-layout payload for " + type.getName() + ": " + detail, cause);
    }

    /**
     * @param type the record type being encoded
     * @param detail why the message cannot be encoded
     * @param cause the underlying exception, or {@code null}
     * @return an exception saying the message cannot be encoded
     */
    static SerializationException unencodable(Class<?> type, String detail, Throwable cause) {
        return new SerializationException(null, "cannot encode " + type.getName() + " in fixed layout: " + detail, cause);
    }
}
