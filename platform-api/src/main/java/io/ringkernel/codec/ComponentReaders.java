package io.ringkernel.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;

/**
 * Reads single record components from a payload (a buffer whose index 0 is the payload's first
 * byte and whose limit is its end). {@link #reader} binds one of these methods to a component's
 * offset, giving a {@code (ByteBuffer) -> value} handle that {@link RecordDecoder} feeds into the
 * canonical constructor.
 */
final class ComponentReaders {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private ComponentReaders() {
    }

    /**
     * @param recordType the record, for error messages
     * @param name the component's name, for error messages
     * @param type the component's field type
     * @param offset its offset in the fixed part
     * @param fixedLength the length of the fixed part
     * @return a handle of type {@code (ByteBuffer) -> component type} reading and checking the component
     */
    static MethodHandle reader(Class<?> recordType, String name, FieldType type, int offset, int fixedLength) {
        MethodHandle read = find(type);
        if (type.isArray()) {
            return MethodHandles.insertArguments(read, 1, new ArraySlot(recordType, name, offset, type.elementSize(), fixedLength));
        }
        if (type == FieldType.BOOLEAN) {
            return MethodHandles.insertArguments(read, 1, offset, recordType, name);
        }
        return MethodHandles.insertArguments(read, 1, offset);
    }

    private static MethodHandle find(FieldType type) {
        return switch (type) {
            case BYTE -> primitiveReader("readByte", byte.class);
            case SHORT -> primitiveReader("readShort", short.class);
            case CHAR -> primitiveReader("readChar", char.class);
            case INT -> primitiveReader("readInt", int.class);
            case LONG -> primitiveReader("readLong", long.class);
            case FLOAT -> primitiveReader("readFloat", float.class);
            case DOUBLE -> primitiveReader("readDouble", double.class);
            case BOOLEAN -> findStatic("readBoolean",
                    MethodType.methodType(boolean.class, ByteBuffer.class, int.class, Class.class, String.class));
            case BYTE_ARRAY -> arrayReader("readByteArray", byte[].class);
            case SHORT_ARRAY -> arrayReader("readShortArray", short[].class);
            case INT_ARRAY -> arrayReader("readIntArray", int[].class);
            case LONG_ARRAY -> arrayReader("readLongArray", long[].class);
            case FLOAT_ARRAY -> arrayReader("readFloatArray", float[].class);
            case DOUBLE_ARRAY -> arrayReader("readDoubleArray", double[].class);
        };
    }

    private static MethodHandle primitiveReader(String methodName, Class<?> valueType) {
        return findStatic(methodName, MethodType.methodType(valueType, ByteBuffer.class, int.class));
    }

    private static MethodHandle arrayReader(String methodName, Class<?> arrayType) {
        return findStatic(methodName, MethodType.methodType(arrayType, ByteBuffer.class, ArraySlot.class));
    }

    private static MethodHandle findStatic(String methodName, MethodType signature) {
        try {
            return LOOKUP.findStatic(ComponentReaders.class, methodName, signature);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("no reader " + methodName + signature, e);
        }
    }

    static byte readByte(ByteBuffer payload, int offset) {
        return payload.get(offset);
    }

    static short readShort(ByteBuffer payload, int offset) {
        return LittleEndian.getShort(payload, offset);
    }

    static char readChar(ByteBuffer payload, int offset) {
        return LittleEndian.getChar(payload, offset);
    }

    static int readInt(ByteBuffer payload, int offset) {
        return LittleEndian.getInt(payload, offset);
    }

    static long readLong(ByteBuffer payload, int offset) {
        return LittleEndian.getLong(payload, offset);
    }

    static float readFloat(ByteBuffer payload, int offset) {
        return LittleEndian.getFloat(payload, offset);
    }

    static double readDouble(ByteBuffer payload, int offset) {
        return LittleEndian.getDouble(payload, offset);
    }

    static boolean readBoolean(ByteBuffer payload, int offset, Class<?> recordType, String name) {
        byte value = payload.get(offset);
        if (value != 0 && value != 1) {
            throw CodecFailures.malformed(recordType, "boolean '" + name + "' holds " + value + ", not 0 or 1");
        }
        return value == 1;
    }

    static byte[] readByteArray(ByteBuffer payload, ArraySlot slot) {
        int start = slot.start(payload);
        byte[] values = new byte[slot.count(payload, start)];
        payload.get(start, values);
        return values;
    }

    static short[] readShortArray(ByteBuffer payload, ArraySlot slot) {
        int start = slot.start(payload);
        short[] values = new short[slot.count(payload, start)];
        for (int i = 0; i < values.length; i++) {
            values[i] = LittleEndian.getShort(payload, start + i * Short.BYTES);
        }
        return values;
    }

    static int[] readIntArray(ByteBuffer payload, ArraySlot slot) {
        int start = slot.start(payload);
        int[] values = new int[slot.count(payload, start)];
        for (int i = 0; i < values.length; i++) {
            values[i] = LittleEndian.getInt(payload, start + i * Integer.BYTES);
        }
        return values;
    }

    static long[] readLongArray(ByteBuffer payload, ArraySlot slot) {
        int start = slot.start(payload);
        long[] values = new long[slot.count(payload, start)];
        for (int i = 0; i < values.length; i++) {
            values[i] = LittleEndian.getLong(payload, start + i * Long.BYTES);
        }
        return values;
    }

    static float[] readFloatArray(ByteBuffer payload, ArraySlot slot) {
        int start = slot.start(payload);
        float[] values = new float[slot.count(payload, start)];
        for (int i = 0; i < values.length; i++) {
            values[i] = LittleEndian.getFloat(payload, start + i * Float.BYTES);
        }
        return values;
    }

    static double[] readDoubleArray(ByteBuffer payload, ArraySlot slot) {
        int start = slot.start(payload);
        double[] values = new double[slot.count(payload, start)];
        for (int i = 0; i < values.length; i++) {
            values[i] = LittleEndian.getDouble(payload, start + i * Double.BYTES);
        }
        return values;
    }
}
