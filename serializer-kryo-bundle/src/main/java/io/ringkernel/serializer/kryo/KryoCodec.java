package io.ringkernel.serializer.kryo;

import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageType;
import java.nio.ByteBuffer;

/**
 * A {@link MessageCodec} for one message type. Kryo is not thread-safe, so each thread gets its
 * own {@link KryoWorkspace}, registered identically by the codec's {@link KryoFactory}.
 */
final class KryoCodec implements MessageCodec {
    private final MessageType<?> type;
    private final ThreadLocal<KryoWorkspace> workspaces;

    /**
     * @param type the message type
     * @param factory creates the Kryo instances of the type
     */
    KryoCodec(MessageType<?> type, KryoFactory factory) {
        this.type = type;
        this.workspaces = ThreadLocal.withInitial(() -> new KryoWorkspace(factory.newKryo()));
    }

    /**
     * @param message an instance of exactly the message type's Java type
     * @return the calling thread's buffer with the payload from position 0 to the limit, valid
     *         until the thread's next {@code encode} on this codec
     */
    @Override
    public ByteBuffer encode(Object message) {
        if (message == null || message.getClass() != type.javaType()) {
            String actual = message == null ? "null" : "an instance of " + message.getClass().getName();
            throw KryoFailures.unencodable(type, "expected an instance of exactly that class, got " + actual);
        }
        try {
            return workspaces.get().encode(message);
        } catch (RuntimeException e) {
            throw KryoFailures.unencodable(type, e);
        }
    }

    /**
     * @param payload the payload from position to limit; its position is left unchanged
     * @return the decoded message
     */
    @Override
    public Object decode(ByteBuffer payload) {
        try {
            return workspaces.get().decode(payload, type.javaType());
        } catch (RuntimeException e) {
            throw KryoFailures.malformed(type, payload.remaining(), e);
        }
    }

    /** @return a description naming the message type */
    @Override
    public String toString() {
        return "KryoCodec[" + KryoFailures.describe(type) + "]";
    }
}
