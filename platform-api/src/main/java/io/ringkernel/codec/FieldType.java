package io.ringkernel.codec;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Java types a fixed-layout record component may have, with their sizes and C spellings. A
 * primitive occupies its own size in the fixed part, aligned to that size; an array occupies an
 * 8-byte slot aligned to 8 (int32 data offset, int32 element count) and its elements follow the
 * fixed part.
 */
enum FieldType {
    BYTE(byte.class, 1, "int8_t"),
    SHORT(short.class, 2, "int16_t"),
    CHAR(char.class, 2, "uint16_t"),
    INT(int.class, 4, "int32_t"),
    LONG(long.class, 8, "int64_t"),
    FLOAT(float.class, 4, "float"),
    DOUBLE(double.class, 8, "double"),
    BOOLEAN(boolean.class, 1, "uint8_t"),
    BYTE_ARRAY(byte[].class, 1, "int8_t"),
    SHORT_ARRAY(short[].class, 2, "int16_t"),
    INT_ARRAY(int[].class, 4, "int32_t"),
    LONG_ARRAY(long[].class, 8, "int64_t"),
    FLOAT_ARRAY(float[].class, 4, "float"),
    DOUBLE_ARRAY(double[].class, 8, "double");

    /** Size and alignment of an array component's slot in the fixed part. */
    static final int ARRAY_SLOT_SIZE = 8;
    /** Offset of the int32 element count within an array slot; the data offset is at 0. */
    static final int ARRAY_COUNT_OFFSET = 4;
    /** Alignment of the fixed part's end and of every array's data. */
    static final int DATA_ALIGNMENT = 8;

    private static final Map<Class<?>, FieldType> BY_JAVA_TYPE =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(FieldType::javaType, Function.identity()));

    private final Class<?> javaType;
    private final int elementSize;
    private final String cElementType;

    FieldType(Class<?> javaType, int elementSize, String cElementType) {
        this.javaType = javaType;
        this.elementSize = elementSize;
        this.cElementType = cElementType;
    }

    /**
     * @param javaType a record component's type
     * @return its field type, or empty when the fixed layout does not support it
     */
    static Optional<FieldType> of(Class<?> javaType) {
        return Optional.ofNullable(BY_JAVA_TYPE.get(javaType));
    }

    /** @return the supported Java types, as a readable list for error messages */
    static String supportedTypeNames() {
        return Stream.of(values()).map(type -> type.javaType.getSimpleName()).collect(Collectors.joining(", "));
    }

    Class<?> javaType() {
        return javaType;
    }

    boolean isArray() {
        return javaType.isArray();
    }

    /** @return bytes of one value (primitive) or one element (array) */
    int elementSize() {
        return elementSize;
    }

    /** @return bytes the component takes in the fixed part, which is also its alignment there */
    int slotSize() {
        return isArray() ? ARRAY_SLOT_SIZE : elementSize;
    }

    /** @return the C type of the value (primitive) or of one element (array) */
    String cElementType() {
        return cElementType;
    }
}
