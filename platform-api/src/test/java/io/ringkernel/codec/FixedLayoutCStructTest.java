package io.ringkernel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.codec.TestRecords.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixedLayoutCStructTest {
    private static final String PREAMBLE = """
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

    record Dense(long stamp, int count, short level, char letter) {
    }

    record UsesOpenClKeyword(int global) {
    }

    record UsesPaddingName(byte first, int _pad1) {
    }

    @Test
    void shouldEmitTheJavadocExampleWithExplicitOffsetsAndPadding() {
        assertThat(FixedLayout.of(Reading.class).cStruct("Reading")).isEqualTo(PREAMBLE + """
                /* Fixed-layout message io.ringkernel.codec.TestRecords$Reading: little-endian, fixed part 32 bytes. \
                Array elements lie at (const char *) payload + <array>.offset. */
                typedef struct Reading {
                    int32_t sensor; /* offset 0: int */
                    uint8_t valid; /* offset 4: boolean, 0 or 1 */
                    uint8_t _pad5[3]; /* offset 5: padding */
                    double value; /* offset 8: double */
                    struct { int32_t offset; int32_t count; } samples; /* offset 16: float[], elements float */
                    int16_t flags; /* offset 24: short */
                    uint8_t _pad26[6]; /* offset 26: padding */
                } Reading;
                """);
    }

    @Test
    void shouldEmitNoPaddingWhenTheComponentsFillTheFixedPart() {
        assertThat(FixedLayout.of(Dense.class).cStruct("dense_t")).endsWith("""
                typedef struct dense_t {
                    int64_t stamp; /* offset 0: long */
                    int32_t count; /* offset 8: int */
                    int16_t level; /* offset 12: short */
                    uint16_t letter; /* offset 14: char */
                } dense_t;
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1st", "my-struct", "caf\u00e9", "has$dollar", "class", "unsigned", "kernel", "float4",
            "uint", "__reserved", "_Upper", "int32_t"})
    void shouldRejectStructNamesThatCOrCudaOrOpenClRefuse(String structName) {
        FixedLayout layout = FixedLayout.of(Reading.class);

        assertThatThrownBy(() -> layout.cStruct(structName))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("struct name '" + structName + "' is not an identifier");
    }

    @Test
    void shouldRejectAComponentNamedLikeAnOpenClKeyword() {
        FixedLayout layout = FixedLayout.of(UsesOpenClKeyword.class);

        assertThatThrownBy(() -> layout.cStruct("S"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component name 'global' is not an identifier that C, CUDA C and OpenCL C all accept");
    }

    @Test
    void shouldRejectAComponentNamedLikeAPaddingMember() {
        FixedLayout layout = FixedLayout.of(UsesPaddingName.class);

        assertThatThrownBy(() -> layout.cStruct("S"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component '_pad1' clashes with the padding member");
    }
}
