package io.ringkernel.serializer.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One thread's Kryo instance for one codec, with the reusable output it encodes into and the
 * input and byte array it decodes from. Never shared between threads.
 */
final class KryoWorkspace {
    private static final int INITIAL_CAPACITY = 256;
    private static final int UNBOUNDED = -1;

    private final Kryo kryo;
    private final Output output = new Output(INITIAL_CAPACITY, UNBOUNDED);
    private final BoundedInput input = new BoundedInput();
    private byte[] payloadCopy = new byte[INITIAL_CAPACITY];
    private ByteBuffer encoded = ByteBuffer.wrap(output.getBuffer());

    /** @param kryo the thread's registered Kryo instance */
    KryoWorkspace(Kryo kryo) {
        this.kryo = kryo;
    }

    /**
     * @param message the message, an instance of the codec's exact type
     * @return this workspace's buffer holding the payload from position 0 to the limit, valid
     *         until the next {@code encode}
     */
    ByteBuffer encode(Object message) {
        output.reset();
        kryo.writeObject(output, message);
        if (encoded.array() != output.getBuffer()) {
            encoded = ByteBuffer.wrap(output.getBuffer());
        }
        encoded.clear().limit(output.position());
        return encoded.order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Copies the payload into a reusable array, so that Kryo neither moves the caller's buffer nor
     * reads past its limit, and reads one object of the given type that must use every byte.
     *
     * @param payload the payload from position to limit; its position is left unchanged
     * @param type the codec's type
     * @return the message
     */
    Object decode(ByteBuffer payload, Class<?> type) {
        int length = payload.remaining();
        if (payloadCopy.length < length) {
            payloadCopy = new byte[Math.max(length, (int) Math.min(Integer.MAX_VALUE, 2L * payloadCopy.length))];
        }
        payload.get(payload.position(), payloadCopy, 0, length);
        input.setBuffer(payloadCopy, 0, length);
        Object message = kryo.readObject(input, type);
        if (input.position() != length) {
            throw new PayloadRejectedException((length - input.position()) + " bytes follow the message");
        }
        return message;
    }
}
