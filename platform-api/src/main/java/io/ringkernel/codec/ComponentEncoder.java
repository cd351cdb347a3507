package io.ringkernel.codec;

import io.ringkernel.api.SerializationException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;

/**
 * Writes one record component: a primitive into its place in the fixed part, or an array's slot
 * in the fixed part and its elements after the data written so far. The accessor is adapted once
 * to its exact primitive or array type, so writing never boxes.
 */
final class ComponentEncoder {
    private final Class<?> recordType;
    private final String name;
    private final FieldType type;
    private final int offset;
    private final MethodHandle accessor;
    private final MethodHandle genericAccessor;

    /**
     * @param recordType the record the component belongs to
     * @param name the component's name
     * @param type the component's field type
     * @param offset its offset in the fixed part
     * @param accessor the record's accessor for it
     */
    ComponentEncoder(Class<?> recordType, String name, FieldType type, int offset, MethodHandle accessor) {
        this.recordType = recordType;
        this.name = name;
        this.type = type;
        this.offset = offset;
        this.accessor = accessor.asType(MethodType.methodType(type.javaType(), Object.class));
        this.genericAccessor = accessor.asType(MethodType.methodType(Object.class, Object.class));
    }

    /**
     * @param message the record
     * @param dataEnd payload-relative end of the array data of the components before this one
     * @return that end once this component's array data is added (unchanged for a primitive)
     */
    long dataEndAfter(Object message, long dataEnd) {
        if (!type.isArray()) {
            return dataEnd;
        }
        Object array;
        try {
            array = genericAccessor.invokeExact(message);
        } catch (Throwable t) {
            throw failure(t);
        }
        return FixedLayout.alignToData(dataEnd) + (long) Array.getLength(nonNull(array)) * type.elementSize();
    }

    /**
     * Writes the component. The caller has checked that the whole payload fits the target.
     *
     * @param message the record
     * @param target the payload's buffer
     * @param base the payload's first byte in {@code target}
     * @param dataEnd payload-relative end of the array data written so far
     * @return payload-relative end of the array data after this component
     */
    int write(Object message, ByteBuffer target, int base, int dataEnd) {
        try {
            return writeValue(message, target, base, dataEnd);
        } catch (Throwable t) {
            throw failure(t);
        }
    }

    private int writeValue(Object message, ByteBuffer target, int base, int dataEnd) throws Throwable {
        int at = base + offset;
        return switch (type) {
            case BYTE -> {
                target.put(at, (byte) accessor.invokeExact(message));
                yield dataEnd;
            }
            case SHORT -> {
                LittleEndian.putShort(target, at, (short) accessor.invokeExact(message));
                yield dataEnd;
            }
            case CHAR -> {
                LittleEndian.putChar(target, at, (char) accessor.invokeExact(message));
                yield dataEnd;
            }
            case INT -> {
                LittleEndian.putInt(target, at, (int) accessor.invokeExact(message));
                yield dataEnd;
            }
            case LONG -> {
                LittleEndian.putLong(target, at, (long) accessor.invokeExact(message));
                yield dataEnd;
            }
            case FLOAT -> {
                LittleEndian.putFloat(target, at, (float) accessor.invokeExact(message));
                yield dataEnd;
            }
            case DOUBLE -> {
                LittleEndian.putDouble(target, at, (double) accessor.invokeExact(message));
                yield dataEnd;
            }
            case BOOLEAN -> {
                target.put(at, (boolean) accessor.invokeExact(message) ? (byte) 1 : (byte) 0);
                yield dataEnd;
            }
            case BYTE_ARRAY -> {
                byte[] values = nonNull((byte[]) accessor.invokeExact(message));
                int start = beginArray(target, base, dataEnd, values.length);
                target.put(base + start, values);
                yield start + values.length;
            }
            case SHORT_ARRAY -> {
                short[] values = nonNull((short[]) accessor.invokeExact(message));
                int start = beginArray(target, base, dataEnd, values.length);
                for (int i = 0; i < values.length; i++) {
                    LittleEndian.putShort(target, base + start + i * Short.BYTES, values[i]);
                }
                yield start + values.length * Short.BYTES;
            }
            case INT_ARRAY -> {
                int[] values = nonNull((int[]) accessor.invokeExact(message));
                int start = beginArray(target, base, dataEnd, values.length);
                for (int i = 0; i < values.length; i++) {
                    LittleEndian.putInt(target, base + start + i * Integer.BYTES, values[i]);
                }
                yield start + values.length * Integer.BYTES;
            }
            case LONG_ARRAY -> {
                long[] values = nonNull((long[]) accessor.invokeExact(message));
                int start = beginArray(target, base, dataEnd, values.length);
                for (int i = 0; i < values.length; i++) {
                    LittleEndian.putLong(target, base + start + i * Long.BYTES, values[i]);
                }
                yield start + values.length * Long.BYTES;
            }
            case FLOAT_ARRAY -> {
                float[] values = nonNull((float[]) accessor.invokeExact(message));
                int start = beginArray(target, base, dataEnd, values.length);
                for (int i = 0; i < values.length; i++) {
                    LittleEndian.putFloat(target, base + start + i * Float.BYTES, values[i]);
                }
                yield start + values.length * Float.BYTES;
            }
            case DOUBLE_ARRAY -> {
                double[] values = nonNull((double[]) accessor.invokeExact(message));
                int start = beginArray(target, base, dataEnd, values.length);
                for (int i = 0; i < values.length; i++) {
                    LittleEndian.putDouble(target, base + start + i * Double.BYTES, values[i]);
                }
                yield start + values.length * Double.BYTES;
            }
        };
    }

    /** Zeroes the alignment gap before the array's data and fills its slot; returns the data's offset. */
    private int beginArray(ByteBuffer target, int base, int dataEnd, int count) {
        int start = FixedLayout.alignToData(dataEnd);
        LittleEndian.putZeros(target, base + dataEnd, start - dataEnd);
        LittleEndian.putInt(target, base + offset, start);
        LittleEndian.putInt(target, base + offset + FieldType.ARRAY_COUNT_OFFSET, count);
        return start;
    }

    private <A> A nonNull(A array) {
        if (array == null) {
            throw CodecFailures.unencodable(recordType, "array component '" + name + "' is null", null);
        }
        return array;
    }

    private RuntimeException failure(Throwable t) {
        if (t instanceof Error error) {
            throw error;
        }
        if (t instanceof SerializationException serializationFailure) {
            return serializationFailure;
        }
        return CodecFailures.unencodable(recordType, "accessor of component '" + name + "' threw " + t, t);
    }
}
