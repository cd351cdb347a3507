package io.ringkernel.codec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a fixed layout as a C struct with explicit padding members, so that every C, C++ and
 * OpenCL C compiler places each member at the layout's offset and {@code sizeof} equals the fixed
 * length.
 */
final class CStructWriter {
    private static final String TYPES_PREAMBLE = """
            #ifndef RINGKERNEL_FIXED_LAYOUT_TYPES
            #define RINGKERNEL_FIXED_LAYOUT_TYPES
            #ifdef __OPENCL_VERSION__
            #ifdef cl_khr_fp64
            #pragma OPENCL EXTENSION cl_khr_fp64 : enable
            #endif
            typedef signed char int8_t;
            typedef unsigned char uint8_t;
            typedef short int16_t;
            typedef unsigned short uint16_t;
            typedef int int32_t;
            typedef long int64_t;
            #else
            #include <stdint.h>
            #endif
            #endif
            """;
    private static final String PADDING_PREFIX = "_pad";

    private final Class<?> recordType;
    private final List<FixedLayout.Field> fields;
    private final List<FieldType> fieldTypes;
    private final int fixedLength;

    /**
     * @param recordType the record, named in the struct's comment
     * @param fields its fields in declaration order
     * @param fieldTypes the field type of each field
     * @param fixedLength the length of the fixed part
     */
    CStructWriter(Class<?> recordType, List<FixedLayout.Field> fields, List<FieldType> fieldTypes, int fixedLength) {
        this.recordType = recordType;
        this.fields = fields;
        this.fieldTypes = fieldTypes;
        this.fixedLength = fixedLength;
    }

    /**
     * @param structName the struct's name
     * @return the preamble and the struct declaration
     */
    String write(String structName) {
        requirePortable(structName, "struct name");
        StringBuilder c = new StringBuilder(TYPES_PREAMBLE).append('\n')
                .append("/* Fixed-layout message ").append(recordType.getName()).append(": little-endian, fixed part ")
                .append(fixedLength).append(" bytes. Array elements lie at (const char *) payload + <array>.offset. */\n")
                .append("typedef struct ").append(structName).append(" {\n");
        Set<String> componentNames = new HashSet<>();
        for (FixedLayout.Field field : fields) {
            requirePortable(field.name(), "component name");
            componentNames.add(field.name());
        }
        int end = 0;
        for (int i = 0; i < fields.size(); i++) {
            FixedLayout.Field field = fields.get(i);
            padding(c, end, field.offset(), componentNames);
            member(c, field, fieldTypes.get(i));
            end = field.offset() + fieldTypes.get(i).slotSize();
        }
        padding(c, end, fixedLength, componentNames);
        return c.append("} ").append(structName).append(";\n").toString();
    }

    private static void member(StringBuilder c, FixedLayout.Field field, FieldType type) {
        c.append("    ");
        if (type.isArray()) {
            c.append("struct { int32_t offset; int32_t count; } ").append(field.name()).append("; /* offset ")
                    .append(field.offset()).append(": ").append(field.javaType().getSimpleName()).append(", elements ")
                    .append(type.cElementType()).append(" */\n");
        } else {
            c.append(type.cElementType()).append(' ').append(field.name()).append("; /* offset ").append(field.offset())
                    .append(": ").append(field.javaType().getSimpleName())
                    .append(type == FieldType.BOOLEAN ? ", 0 or 1" : "").append(" */\n");
        }
    }

    private void padding(StringBuilder c, int from, int to, Set<String> componentNames) {
        if (to > from) {
            String name = PADDING_PREFIX + from;
            if (componentNames.contains(name)) {
                throw new IllegalArgumentException("record " + recordType.getName() + " component '" + name
                        + "' clashes with the padding member of that name");
            }
            c.append("    uint8_t ").append(name).append('[').append(to - from).append("]; /* offset ").append(from)
                    .append(": padding */\n");
        }
    }

    private void requirePortable(String name, String what) {
        if (!CIdentifiers.isPortable(name)) {
            throw new IllegalArgumentException("record " + recordType.getName() + ": " + what + " '" + name
                    + "' is not an identifier that C, CUDA C and OpenCL C all accept");
        }
    }
}
