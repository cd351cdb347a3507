package io.ringkernel.backend.aparapi;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Moves values of one primitive type between a little-endian payload and a column array, as the
 * fixed layout stores them (a boolean as one byte, 0 or 1; a char as a UTF-16 unit).
 */
enum Primitive {
    BOOLEAN(boolean.class, 1),
    BYTE(byte.class, 1),
    SHORT(short.class, 2),
    CHAR(char.class, 2),
    INT(int.class, 4),
    LONG(long.class, 8),
    FLOAT(float.class, 4),
    DOUBLE(double.class, 8);

    private final Class<?> type;
    private final int size;

    Primitive(Class<?> type, int size) {
        this.type = type;
        this.size = size;
    }

    /** @param type a primitive type @return its constant */
    static Primitive of(Class<?> type) {
        for (Primitive primitive : values()) {
            if (primitive.type == type) {
                return primitive;
            }
        }
        throw new IllegalArgumentException(type + " is not a primitive type");
    }

    /** @return the Java type */
    Class<?> type() {
        return type;
    }

    /** @return bytes per value in a payload */
    int size() {
        return size;
    }

    /** @param length elements @return a new array of this type */
    Object newArray(int length) {
        return Array.newInstance(type, length);
    }

    /**
     * Copies values from a payload into a column.
     *
     * @param source a little-endian buffer
     * @param at where the first value lies in it
     * @param column an array of this type
     * @param index where the first value goes in it
     * @param count how many values
     */
    void read(ByteBuffer source, int at, Object column, int index, int count) {
        switch (this) {
            case BOOLEAN -> {
                boolean[] values = (boolean[]) column;
                for (int i = 0; i < count; i++) {
                    values[index + i] = source.get(at + i) != 0;
                }
            }
            case BYTE -> source.get(at, (byte[]) column, index, count);
            case SHORT -> {
                short[] values = (short[]) column;
                for (int i = 0; i < count; i++) {
                    values[index + i] = source.getShort(at + 2 * i);
                }
            }
            case CHAR -> {
                char[] values = (char[]) column;
                for (int i = 0; i < count; i++) {
                    values[index + i] = source.getChar(at + 2 * i);
                }
            }
            case INT -> {
                int[] values = (int[]) column;
                for (int i = 0; i < count; i++) {
                    values[index + i] = source.getInt(at + 4 * i);
                }
            }
            case LONG -> {
                long[] values = (long[]) column;
                for (int i = 0; i < count; i++) {
                    values[index + i] = source.getLong(at + 8 * i);
                }
            }
            case FLOAT -> {
                float[] values = (float[]) column;
                for (int i = 0; i < count; i++) {
                    values[index + i] = source.getFloat(at + 4 * i);
                }
            }
            case DOUBLE -> {
                double[] values = (double[]) column;
                for (int i = 0; i < count; i++) {
                    values[index + i] = source.getDouble(at + 8 * i);
                }
            }
            default -> throw new IllegalStateException(name());
        }
    }

    /**
     * Copies values from a column into a payload.
     *
     * @param column an array of this type
     * @param index where the first value lies in it
     * @param target a little-endian buffer
     * @param at where the first value goes in it
     * @param count how many values
     */
    void write(Object column, int index, ByteBuffer target, int at, int count) {
        switch (this) {
            case BOOLEAN -> {
                boolean[] values = (boolean[]) column;
                for (int i = 0; i < count; i++) {
                    target.put(at + i, (byte) (values[index + i] ? 1 : 0));
                }
            }
            case BYTE -> target.put(at, (byte[]) column, index, count);
            case SHORT -> {
                short[] values = (short[]) column;
                for (int i = 0; i < count; i++) {
                    target.putShort(at + 2 * i, values[index + i]);
                }
            }
            case CHAR -> {
                char[] values = (char[]) column;
                for (int i = 0; i < count; i++) {
                    target.putChar(at + 2 * i, values[index + i]);
                }
            }
            case INT -> {
                int[] values = (int[]) column;
                for (int i = 0; i < count; i++) {
                    target.putInt(at + 4 * i, values[index + i]);
                }
            }
            case LONG -> {
                long[] values = (long[]) column;
                for (int i = 0; i < count; i++) {
                    target.putLong(at + 8 * i, values[index + i]);
                }
            }
            case FLOAT -> {
                float[] values = (float[]) column;
                for (int i = 0; i < count; i++) {
                    target.putFloat(at + 4 * i, values[index + i]);
                }
            }
            case DOUBLE -> {
                double[] values = (double[]) column;
                for (int i = 0; i < count; i++) {
                    target.putDouble(at + 8 * i, values[index + i]);
                }
            }
            default -> throw new IllegalStateException(name());
        }
    }

    /**
     * Zeroes the start of a column.
     *
     * @param column an array of this type
     * @param count how many values, from index 0
     */
    void zero(Object column, int count) {
        switch (this) {
            case BOOLEAN -> Arrays.fill((boolean[]) column, 0, count, false);
            case BYTE -> Arrays.fill((byte[]) column, 0, count, (byte) 0);
            case SHORT -> Arrays.fill((short[]) column, 0, count, (short) 0);
            case CHAR -> Arrays.fill((char[]) column, 0, count, (char) 0);
            case INT -> Arrays.fill((int[]) column, 0, count, 0);
            case LONG -> Arrays.fill((long[]) column, 0, count, 0L);
            case FLOAT -> Arrays.fill((float[]) column, 0, count, 0f);
            case DOUBLE -> Arrays.fill((double[]) column, 0, count, 0d);
            default -> throw new IllegalStateException(name());
        }
    }
}
