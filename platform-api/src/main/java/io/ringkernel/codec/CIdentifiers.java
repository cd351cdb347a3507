package io.ringkernel.codec;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names that CUDA C (a C++ dialect), OpenCL C and plain C all accept as struct and member names:
 * ASCII identifiers that are not a keyword, reserved word or built-in type name of any of them.
 */
final class CIdentifiers {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern RESERVED_PREFIX = Pattern.compile("__|_[A-Z]");
    private static final Pattern OPENCL_VECTOR_TYPE =
            Pattern.compile("(char|uchar|short|ushort|int|uint|long|ulong|half|float|double|bool)(2|3|4|8|16)(x\\d+)?");
    private static final Set<String> RESERVED = Set.of(
            // C
            "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
            "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
            "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
            "volatile", "while",
            // C++ (CUDA C)
            "alignas", "alignof", "and", "and_eq", "asm", "bitand", "bitor", "bool", "catch", "char8_t",
            "char16_t", "char32_t", "class", "compl", "concept", "const_cast", "consteval", "constexpr",
            "constinit", "co_await", "co_return", "co_yield", "decltype", "delete", "dynamic_cast", "explicit",
            "export", "false", "friend", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr",
            "operator", "or", "or_eq", "private", "protected", "public", "reinterpret_cast", "requires",
            "static_assert", "static_cast", "template", "this", "thread_local", "throw", "true", "try", "typeid",
            "typename", "using", "virtual", "wchar_t", "xor", "xor_eq",
            // OpenCL C
            "kernel", "global", "local", "constant", "read_only", "write_only", "read_write", "uniform",
            "pipe", "uchar", "ushort", "uint", "ulong", "half", "quad", "complex", "imaginary", "size_t",
            "ptrdiff_t", "intptr_t", "uintptr_t", "image1d_t", "image1d_array_t", "image1d_buffer_t",
            "image2d_t", "image2d_array_t", "image2d_depth_t", "image2d_array_depth_t", "image3d_t",
            "sampler_t", "event_t", "queue_t", "clk_event_t", "ndrange_t", "reserve_id_t",
            // the fixed-width types the emitted preamble defines
            "int8_t", "uint8_t", "int16_t", "uint16_t", "int32_t", "int64_t");

    private CIdentifiers() {
    }

    /**
     * @param name a candidate name
     * @return true if C, C++ and OpenCL C all accept it as a struct or member name
     */
    static boolean isPortable(String name) {
        return IDENTIFIER.matcher(name).matches()
                && !RESERVED_PREFIX.matcher(name).lookingAt()
                && !RESERVED.contains(name)
                && !OPENCL_VECTOR_TYPE.matcher(name).matches();
    }
}
