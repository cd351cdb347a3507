package io.ringkernel.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Plain little-endian reads and writes at absolute byte indexes, whatever the buffer's own byte
 * order and position. Indexes need no alignment.
 */
final class LittleEndian {
    private static final VarHandle SHORT = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle CHAR = MethodHandles.byteBufferViewVarHandle(char[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteBufferViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE = MethodHandles.byteBufferViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    static short getShort(ByteBuffer buffer, int index) {
        return (short) SHORT.get(buffer, index);
    }

    static char getChar(ByteBuffer buffer, int index) {
        return (char) CHAR.get(buffer, index);
    }

    static int getInt(ByteBuffer buffer, int index) {
        return (int) INT.get(buffer, index);
    }

    static long getLong(ByteBuffer buffer, int index) {
        return (long) LONG.get(buffer, index);
    }

    static float getFloat(ByteBuffer buffer, int index) {
        return (float) FLOAT.get(buffer, index);
    }

    static double getDouble(ByteBuffer buffer, int index) {
        return (double) DOUBLE.get(buffer, index);
    }

    static void putShort(ByteBuffer buffer, int index, short value) {
        SHORT.set(buffer, index, value);
    }

    static void putChar(ByteBuffer buffer, int index, char value) {
        CHAR.set(buffer, index, value);
    }

    static void putInt(ByteBuffer buffer, int index, int value) {
        INT.set(buffer, index, value);
    }

    static void putLong(ByteBuffer buffer, int index, long value) {
        LONG.set(buffer, index, value);
    }

    static void putFloat(ByteBuffer buffer, int index, float value) {
        FLOAT.set(buffer, index, value);
    }

    static void putDouble(ByteBuffer buffer, int index, double value) {
        DOUBLE.set(buffer, index, value);
    }

    /** Writes {@code length} zero bytes from {@code index}. */
    static void putZeros(ByteBuffer buffer, int index, int length) {
        for (int i = 0; i < length; i++) {
            buffer.put(index + i, (byte) 0);
        }
    }
}
