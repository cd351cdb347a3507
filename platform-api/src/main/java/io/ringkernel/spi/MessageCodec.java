package io.ringkernel.spi;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;

/** Encodes and decodes one message type. Thread-safe. */
@ConsumerType
public interface MessageCodec {

    /**
     * @param message the message, an instance of the codec's type
     * @return its payload bytes between position and limit, in a buffer owned by the calling
     *         thread and valid until that thread's next {@code encode}
     * @throws io.ringkernel.api.SerializationException if it cannot be encoded
     */
    ByteBuffer encode(Object message);

    /**
     * @param payload the payload bytes between position and limit (read-only; not retained)
     * @return the message
     * @throws io.ringkernel.api.SerializationException if the bytes are not a valid message of the type
     */
    Object decode(ByteBuffer payload);

    /**
     * Checks that the bytes are a message of the type as far as a handler that reads them raw on a
     * device needs: {@code decode} would not refuse their shape. A codec may skip what only the
     * Java object would reject (a record's constructor, say); by default it decodes.
     *
     * @param payload the payload bytes between position and limit (read-only; not retained)
     * @throws io.ringkernel.api.SerializationException if the bytes do not fit the type
     */
    default void check(ByteBuffer payload) {
        decode(payload);
    }

    /**
     * {@link #check(ByteBuffer) Checks} a payload that lies within a larger buffer, such as a ring
     * record or a batch of payloads, without the caller slicing it out; by default it slices a
     * read-only view and checks that.
     *
     * @param source the buffer (not modified; not retained); the payload lies before its limit
     * @param offset index of the payload's first byte
     * @param length the payload's length in bytes
     * @throws io.ringkernel.api.SerializationException if the bytes do not fit the type
     */
    default void check(ByteBuffer source, int offset, int length) {
        check(source.slice(offset, length).asReadOnlyBuffer());
    }
}
