package io.ringkernel.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian atomic views over direct buffers, shared by the flyweights of this package. */
final class BufferAccess {
    static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private BufferAccess() {
    }

    /**
     * @param buffer a buffer to share memory with
     * @return a little-endian duplicate, so absolute reads and writes never race on position or order
     */
    static ByteBuffer littleEndian(ByteBuffer buffer) {
        if (!buffer.isDirect()) {
            throw new IllegalArgumentException("protocol structures live in direct (off-heap) buffers");
        }
        return buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    static void requireRegion(String what, ByteBuffer buffer, int offset, int length, int alignment) {
        if (offset < 0 || offset % alignment != 0) {
            throw new IllegalArgumentException(what + " must start on a " + alignment + "-byte boundary, got offset " + offset);
        }
        if ((long) offset + length > buffer.capacity()) {
            throw new IllegalArgumentException(what + " needs " + length + " bytes at offset " + offset
                    + " but the buffer holds " + buffer.capacity());
        }
    }
}
