package io.ringkernel.codec;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a fixed-layout payload should decode to, worked out from {@link FixedLayout}'s documented
 * format alone — the public field offsets and fixed length, plain {@link ByteBuffer} reads and the
 * record's canonical constructor — not from the codec's own readers: the oracle of the fuzz
 * properties.
 */
final class FixedLayoutModel {
    private static final int DATA_ALIGNMENT = 8;
    private static final Map<Class<?>, Integer> ELEMENT_SIZES = Map.of(byte.class, 1, short.class, 2, int.class, 4,
            long.class, 8, float.class, 4, double.class, 8);

    private FixedLayoutModel() {
    }

    /** What decoding a payload must give. */
    sealed interface Verdict permits Valid, Invalid {
    }

    /** @param record the record the payload holds */
    record Valid(Object record) implements Verdict {
    }

    /**
     * @param culprits the phrases one of which the decoder's message must contain: the quoted
     *        names of the components that are wrong, or what else is
     */
    record Invalid(List<String> culprits) implements Verdict {
    }

    /**
     * @param layout the layout of the record type
     * @param payload the whole payload
     * @return the record it holds, or why it holds none
     */
    static Verdict judge(FixedLayout layout, byte[] payload) {
        if (payload.length < layout.fixedLength()) {
            return new Invalid(List.of("shorter than the " + layout.fixedLength() + "-byte fixed part"));
        }
        ByteBuffer bytes = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        List<String> wrong = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (FixedLayout.Field field : layout.fields()) {
            Object value = field.kind() == FixedLayout.Field.Kind.ARRAY
                    ? readArray(bytes, field, layout.fixedLength()) : readPrimitive(bytes, field);
            if (value == null) {
                wrong.add("'" + field.name() + "'");
            }
            values.add(value);
        }
        if (!wrong.isEmpty()) {
            return new Invalid(wrong);
        }
        return verdictOf(layout.type(), values);
    }

    /**
     * @param elementType a primitive array's component type
     * @return bytes per element on the wire
     */
    static int elementSize(Class<?> elementType) {
        return ELEMENT_SIZES.get(elementType);
    }

    private static Object readPrimitive(ByteBuffer bytes, FixedLayout.Field field) {
        int at = field.offset();
        Class<?> type = field.javaType();
        if (type == boolean.class) {
            byte value = bytes.get(at);
            return value == 0 || value == 1 ? value == 1 : null;
        }
        if (type == byte.class) {
            return bytes.get(at);
        }
        if (type == short.class) {
            return bytes.getShort(at);
        }
        if (type == char.class) {
            return bytes.getChar(at);
        }
        if (type == int.class) {
            return bytes.getInt(at);
        }
        if (type == long.class) {
            return bytes.getLong(at);
        }
        if (type == float.class) {
            return bytes.getFloat(at);
        }
        return bytes.getDouble(at);
    }

    /** @return the array, or null if its slot points outside the data area, off alignment or past the end */
    private static Object readArray(ByteBuffer bytes, FixedLayout.Field field, int fixedLength) {
        int start = bytes.getInt(field.offset());
        int count = bytes.getInt(field.offset() + 4);
        Class<?> elementType = field.javaType().getComponentType();
        int elementSize = elementSize(elementType);
        boolean fits = start >= fixedLength && start % DATA_ALIGNMENT == 0 && count >= 0
                && (long) start + (long) count * elementSize <= bytes.limit();
        if (!fits) {
            return null;
        }
        Object array = Array.newInstance(elementType, count);
        for (int i = 0; i < count; i++) {
            int at = start + i * elementSize;
            Array.set(array, i, switch (elementSize) {
                case 1 -> bytes.get(at);
                case 2 -> bytes.getShort(at);
                case 4 -> elementType == int.class ? (Object) bytes.getInt(at) : (Object) bytes.getFloat(at);
                default -> elementType == long.class ? (Object) bytes.getLong(at) : (Object) bytes.getDouble(at);
            });
        }
        return array;
    }

    /**
     * @param type a record type
     * @param values its component values, in order
     * @return the record, or invalid if its canonical constructor refuses the values
     */
    static Verdict verdictOf(Class<? extends Record> type, List<Object> values) {
        try {
            return new Valid(construct(type, values));
        } catch (IllegalArgumentException rejected) {
            return new Invalid(List.of("the canonical constructor rejected the decoded values"));
        }
    }

    /**
     * @param type a record type
     * @param values its component values, in order
     * @return the record made by its canonical constructor
     * @throws IllegalArgumentException if the constructor throws
     */
    static Object construct(Class<? extends Record> type, List<Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        try {
            Constructor<? extends Record> constructor = type.getDeclaredConstructor(parameterTypes);
            return constructor.newInstance(values.toArray());
        } catch (InvocationTargetException rejected) {
            throw new IllegalArgumentException(rejected.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }
}
