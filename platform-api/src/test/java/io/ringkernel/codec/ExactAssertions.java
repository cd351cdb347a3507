package io.ringkernel.codec;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares decoded records component by component, floating-point values by their bits. */
final class ExactAssertions {

    private ExactAssertions() {
    }

    /**
     * Asserts equal records, arrays compared element-wise and floats and doubles with
     * {@code equals} (NaN equals NaN, 0.0 differs from -0.0) instead of AssertJ's tolerance.
     */
    static void assertSameRecord(Object actual, Object expected) {
        assertThat(actual).usingRecursiveComparison()
                .withEqualsForType(Float::equals, Float.class)
                .withEqualsForType(Double::equals, Double.class)
                .isEqualTo(expected);
    }
}
