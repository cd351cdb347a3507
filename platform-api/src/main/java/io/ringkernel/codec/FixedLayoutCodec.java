package io.ringkernel.codec;

import io.ringkernel.spi.MessageCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A {@link MessageCodec} over one {@link FixedLayout}. Each thread encodes into its own reusable
 * little-endian heap buffer, which grows to the largest payload that thread has encoded.
 */
final class FixedLayoutCodec implements MessageCodec {
    private static final int INITIAL_CAPACITY = 256;

    private final FixedLayout layout;
    private final ThreadLocal<ByteBuffer> threadBuffers =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(INITIAL_CAPACITY));

    /** @param layout the layout of the codec's record type */
    FixedLayoutCodec(FixedLayout layout) {
        this.layout = layout;
    }

    /**
     * @param message an instance of the layout's record type
     * @return the calling thread's buffer with the payload from position 0 to the limit, valid
     *         until the thread's next {@code encode} on this codec
     */
    @Override
    public ByteBuffer encode(Object message) {
        int length = layout.encodedLength(message);
        ByteBuffer buffer = threadBuffers.get();
        if (buffer.capacity() < length) {
            buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE, Math.max(length, 2L * buffer.capacity())));
            threadBuffers.set(buffer);
        }
        buffer.clear().order(ByteOrder.LITTLE_ENDIAN);
        layout.encode(message, buffer, 0);
        return buffer.limit(length);
    }

    /**
     * @param payload the payload from position to limit; its position is left unchanged
     * @return the decoded record
     */
    @Override
    public Object decode(ByteBuffer payload) {
        return layout.decode(payload, payload.position(), payload.remaining());
    }

    /**
     * Checks the payload's shape without building the record (see {@link FixedLayout#check}).
     *
     * @param payload the payload from position to limit; its position is left unchanged
     */
    @Override
    public void check(ByteBuffer payload) {
        layout.check(payload, payload.position(), payload.remaining());
    }

    /** Checks the payload in place, with no view of it built first. */
    @Override
    public void check(ByteBuffer source, int offset, int length) {
        layout.check(source, offset, length);
    }

    /** @return a description naming the layout */
    @Override
    public String toString() {
        return "FixedLayoutCodec[" + layout.type().getName() + "]";
    }
}
