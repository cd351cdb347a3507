package io.ringkernel.codec;

import io.ringkernel.api.SerializationException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fixed layout of one record type: where each component lies in the payload, how to encode
 * and decode messages of the type, and the C struct a CUDA C or OpenCL C handler reads them with.
 *
 * <p>A fixed-layout record has at least one component, and each component is a primitive
 * ({@code byte short int long float double boolean char}) or a primitive array ({@code byte[]
 * short[] int[] long[] float[] double[]}). The payload is little-endian:
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |  Fixed part: the components in declaration order. A primitive |  0
 *  |  sits at a multiple of its own size (boolean: 1 byte, 0 or 1; |
 *  |  char: 2 bytes, a UTF-16 unit). An array is an 8-byte slot at |
 *  |  a multiple of 8:                                            ...
 *  +-------------------------------+-------------------------------+
 *  |  Array data offset (int32)    |  Array element count (int32)  |
 *  +-------------------------------+-------------------------------+
 *  |  ... zero padding up to fixedLength, a multiple of 8         ...
 *  +---------------------------------------------------------------+
 *  |  Array data, in component order: each array's elements start |  fixedLength
 *  |  at its data offset, a multiple of 8 counted from the payload |
 *  |  start; zero padding fills the gaps between arrays           ...
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>For example, {@code record Reading(int sensor, boolean valid, double value, float[] samples,
 * short flags)} with {@code n} samples is laid out as:
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                         sensor (int)                          |  0
 *  +---------------+-----------------------------------------------+
 *  | valid (bool)  |                   padding                     |  4
 *  +---------------+-----------------------------------------------+
 *  |                        value (double)                         |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                samples: data offset (int32) = 32              | 16
 *  +---------------------------------------------------------------+
 *  |                samples: element count (int32) = n             | 20
 *  +-------------------------------+-------------------------------+
 *  |         flags (short)         |            padding            | 24
 *  +-------------------------------+-------------------------------+
 *  |                            padding                            | 28
 *  +---------------------------------------------------------------+
 *  |          samples[0] (float) ... samples[n - 1] (float)       ...  32
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Its fixed length is 32 and its encoded length {@code 32 + 4n}. The payload ends right after
 * the last array's data; padding bytes are written as zero. {@link #decode} checks everything it
 * reads: the payload must hold the fixed part, booleans must be 0 or 1, and every array's data
 * must start on a multiple of 8 at or after the fixed part and end inside the payload.
 *
 * <p>The accessors and canonical constructor are resolved once, in {@link #of}: encoding
 * allocates nothing, and decoding allocates the record, its arrays and one view of the source
 * buffer, without boxing. Instances are immutable and thread-safe.
 */
public final class FixedLayout {
    private final Class<? extends Record> type;
    private final List<Field> fields;
    private final List<FieldType> fieldTypes;
    private final int fixedLength;
    private final List<ComponentEncoder> encoders;
    private final RecordDecoder decoder;
    /* Arrays, not lists: the device backends check every message's payload against them. */
    private final Field[] booleans;
    private final ArraySlot[] arraySlots;

    private FixedLayout(Class<? extends Record> type, List<Field> fields, List<FieldType> fieldTypes, int fixedLength,
                        List<ComponentEncoder> encoders, RecordDecoder decoder) {
        this.type = type;
        this.fields = List.copyOf(fields);
        this.fieldTypes = List.copyOf(fieldTypes);
        this.fixedLength = fixedLength;
        this.encoders = List.copyOf(encoders);
        this.decoder = decoder;
        List<Field> booleanFields = new ArrayList<>();
        List<ArraySlot> slots = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            FieldType fieldType = fieldTypes.get(i);
            if (fieldType == FieldType.BOOLEAN) {
                booleanFields.add(field);
            } else if (fieldType.isArray()) {
                slots.add(new ArraySlot(type, field.name(), field.offset(), fieldType.elementSize(), fixedLength));
            }
        }
        this.booleans = booleanFields.toArray(Field[]::new);
        this.arraySlots = slots.toArray(ArraySlot[]::new);
    }

    /**
     * Works out the layout of a record type and resolves its accessors and canonical constructor.
     *
     * @param type a record whose components are all primitives or primitive arrays
     * @return its layout
     * @throws IllegalArgumentException if the type is not a record, has no components, has a
     *         component of an unsupported type (the message names the class and the component), or
     *         cannot be accessed from this package
     */
    public static FixedLayout of(Class<? extends Record> type) {
        Objects.requireNonNull(type, "type");
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record; the fixed layout codes records only");
        }
        RecordComponent[] components = type.getRecordComponents();
        if (components.length == 0) {
            throw new IllegalArgumentException("record " + type.getName()
                    + " has no components; a fixed-layout message needs at least one");
        }
        MethodHandles.Lookup lookup = lookupIn(type);
        List<Field> fields = new ArrayList<>(components.length);
        List<FieldType> fieldTypes = new ArrayList<>(components.length);
        int offset = 0;
        for (RecordComponent component : components) {
            FieldType fieldType = fieldTypeOf(type, component);
            offset = alignUp(offset, fieldType.slotSize());
            Field.Kind kind = fieldType.isArray() ? Field.Kind.ARRAY : Field.Kind.PRIMITIVE;
            fields.add(new Field(component.getName(), component.getType(), offset, kind));
            fieldTypes.add(fieldType);
            offset += fieldType.slotSize();
        }
        int fixedLength = alignToData(offset);
        List<ComponentEncoder> encoders = new ArrayList<>(components.length);
        List<MethodHandle> readers = new ArrayList<>(components.length);
        for (int i = 0; i < components.length; i++) {
            Field field = fields.get(i);
            FieldType fieldType = fieldTypes.get(i);
            encoders.add(new ComponentEncoder(type, field.name(), fieldType, field.offset(), accessor(lookup, type, field)));
            readers.add(ComponentReaders.reader(type, field.name(), fieldType, field.offset(), fixedLength));
        }
        RecordDecoder decoder = new RecordDecoder(type, canonicalConstructor(lookup, type, components), readers);
        return new FixedLayout(type, fields, fieldTypes, fixedLength, encoders, decoder);
    }

    /** @return the record type this layout codes */
    public Class<? extends Record> type() {
        return type;
    }

    /** @return length in bytes of the fixed part, a multiple of 8; also the shortest valid payload */
    public int fixedLength() {
        return fixedLength;
    }

    /** @return the components in declaration order, with their offsets in the fixed part */
    public List<Field> fields() {
        return fields;
    }

    /**
     * @param message an instance of the layout's record type
     * @return the number of bytes {@link #encode} writes for it
     * @throws SerializationException if the message is not an instance of the type, an array
     *         component is null, or the payload would exceed {@link Integer#MAX_VALUE} bytes
     */
    public int encodedLength(Object message) {
        requireInstance(message);
        long dataEnd = fixedLength;
        for (ComponentEncoder encoder : encoders) {
            dataEnd = encoder.dataEndAfter(message, dataEnd);
        }
        if (dataEnd > Integer.MAX_VALUE) {
            throw CodecFailures.unencodable(type, "the payload would take " + dataEnd + " bytes, more than "
                    + Integer.MAX_VALUE, null);
        }
        return (int) dataEnd;
    }

    /**
     * Writes a message with absolute writes, leaving the target's position, limit and byte order
     * unchanged. Writes {@link #encodedLength} bytes, padding included.
     *
     * @param message an instance of the layout's record type
     * @param target the buffer to write into, of any byte order
     * @param offset index of the payload's first byte in {@code target}
     * @throws SerializationException if the message cannot be encoded (see {@link #encodedLength})
     * @throws IndexOutOfBoundsException if the payload does not fit between {@code offset} and the target's limit
     * @throws ReadOnlyBufferException if the target is read-only
     */
    public void encode(Object message, ByteBuffer target, int offset) {
        int length = encodedLength(message);
        if (target.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        Objects.checkFromIndexSize(offset, length, target.limit());
        LittleEndian.putZeros(target, offset, fixedLength);
        int dataEnd = fixedLength;
        for (ComponentEncoder encoder : encoders) {
            dataEnd = encoder.write(message, target, offset, dataEnd);
        }
        if (dataEnd != length) {
            throw CodecFailures.unencodable(type, "array components changed length while being encoded", null);
        }
    }

    /**
     * Reads a message with absolute reads, leaving the source's position, limit and byte order
     * unchanged, after checking every offset and count the payload holds.
     *
     * @param source the buffer holding the payload, of any byte order; may be read-only
     * @param offset index of the payload's first byte in {@code source}
     * @param length the payload's length in bytes
     * @return the decoded record
     * @throws SerializationException if the range lies outside the source's limit, the payload is
     *         shorter than the fixed part, a boolean is neither 0 nor 1, an array's count is
     *         negative or its data lies outside the payload or off an 8-byte boundary, or the
     *         canonical constructor rejects the values
     */
    public Object decode(ByteBuffer source, int offset, int length) {
        return decoder.decode(payload(source, offset, length));
    }

    /**
     * Checks a payload as {@link #decode} does, without building the record: for a device handler
     * that reads the bytes as they are, what matters is that they fit the layout. What the
     * canonical constructor would say of the values is not asked.
     *
     * @param source the buffer holding the payload, of any byte order
     * @param offset index of the payload's first byte
     * @param length the payload's length in bytes
     * @throws SerializationException for every payload {@link #decode} refuses before calling the
     *         canonical constructor, with the same message
     */
    public void check(ByteBuffer source, int offset, int length) {
        ByteBuffer payload = payload(source, offset, length);
        for (Field field : booleans) {
            ComponentReaders.readBoolean(payload, field.offset(), type, field.name());
        }
        for (ArraySlot slot : arraySlots) {
            slot.count(payload, slot.start(payload));
        }
    }

    /** @return the payload as a buffer of its own, checked to lie in the source and to hold the fixed part */
    private ByteBuffer payload(ByteBuffer source, int offset, int length) {
        Objects.requireNonNull(source, "source");
        if (offset < 0 || length < 0 || (long) offset + length > source.limit()) {
            throw CodecFailures.malformed(type, "a payload of " + length + " bytes at offset " + offset
                    + " does not lie within the buffer's " + source.limit() + " bytes");
        }
        if (length < fixedLength) {
            throw CodecFailures.malformed(type, "a payload of " + length + " bytes is shorter than the "
                    + fixedLength + "-byte fixed part");
        }
        return source.slice(offset, length);
    }

    /**
     * Emits a C declaration of the fixed part, for CUDA C and OpenCL C. Padding is spelled out as
     * {@code _pad<offset>} byte arrays, so the compiler adds none and {@code sizeof} equals
     * {@link #fixedLength()}; each member's payload offset is given in a comment. An array
     * component becomes {@code struct { int32_t offset; int32_t count; } name;}, its elements lying
     * at {@code (const char *) payload + name.offset}. A guarded preamble defines the fixed-width
     * integer types under OpenCL C and includes {@code <stdint.h>} elsewhere.
     *
     * @param structName the name of the struct (and of its typedef)
     * @return the C source
     * @throws IllegalArgumentException if the struct name or a component's name is not an identifier
     *         C, C++ and OpenCL C all accept, or a component's name clashes with a padding member
     */
    public String cStruct(String structName) {
        return new CStructWriter(type, fields, fieldTypes, fixedLength).write(structName);
    }

    /** @return a description naming the type and its fixed length */
    @Override
    public String toString() {
        return "FixedLayout[" + type.getName() + ", fixedLength=" + fixedLength + ", fields=" + fields + "]";
    }

    static int alignToData(int offset) {
        return alignUp(offset, FieldType.DATA_ALIGNMENT);
    }

    static long alignToData(long offset) {
        return (offset + FieldType.DATA_ALIGNMENT - 1) & -FieldType.DATA_ALIGNMENT;
    }

    private static int alignUp(int offset, int alignment) {
        return (offset + alignment - 1) & -alignment;
    }

    private void requireInstance(Object message) {
        if (!type.isInstance(message)) {
            String actual = message == null ? "null" : "an instance of " + message.getClass().getName();
            throw CodecFailures.unencodable(type, "expected an instance of the type, got " + actual, null);
        }
    }

    private static FieldType fieldTypeOf(Class<?> type, RecordComponent component) {
        return FieldType.of(component.getType()).orElseThrow(() -> new IllegalArgumentException(
                "record " + type.getName() + " component '" + component.getName() + "' has type "
                        + component.getType().getTypeName() + "; the fixed layout supports only "
                        + FieldType.supportedTypeNames()));
    }

    private static MethodHandles.Lookup lookupIn(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("record " + type.getName()
                    + " is not accessible to the fixed layout; open its package to io.ringkernel.codec", e);
        }
    }

    private static MethodHandle accessor(MethodHandles.Lookup lookup, Class<?> type, Field field) {
        try {
            return lookup.findVirtual(type, field.name(), MethodType.methodType(field.javaType()));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException("record " + type.getName() + " component '" + field.name()
                    + "' has no accessible accessor", e);
        }
    }

    private static MethodHandle canonicalConstructor(MethodHandles.Lookup lookup, Class<?> type,
                                                     RecordComponent[] components) {
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        try {
            return lookup.findConstructor(type, MethodType.methodType(void.class, parameterTypes));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException("record " + type.getName() + " has no accessible canonical constructor", e);
        }
    }

    /**
     * One record component's place in the fixed part.
     *
     * @param name the component's name
     * @param javaType the component's type
     * @param offset its offset from the payload start: the value itself for a primitive, the
     *               8-byte (data offset, element count) slot for an array
     * @param kind whether the value or an array slot lies at the offset
     */
    public record Field(String name, Class<?> javaType, int offset, Kind kind) {

        /** What lies at a field's offset. */
        public enum Kind {
            /** The primitive value itself. */
            PRIMITIVE,
            /** An int32 data offset and an int32 element count locating the array's elements. */
            ARRAY
        }
    }
}
