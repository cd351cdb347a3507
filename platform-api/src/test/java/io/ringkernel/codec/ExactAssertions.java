package io.ringkernel.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Objects;

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

    /**
     * Asserts records of the same type with equal components, arrays compared element-wise and
     * floating-point values as {@link #assertSameRecord} does, but without AssertJ's recursive
     * introspection: cheap enough for tens of thousands of fuzz cases.
     */
    static void assertSameComponents(Record actual, Record expected) {
        assertThat(actual).hasSameClassAs(expected);
        for (RecordComponent component : expected.getClass().getRecordComponents()) {
            Object actualValue = valueOf(component, actual);
            Object expectedValue = valueOf(component, expected);
            if (!Objects.deepEquals(actualValue, expectedValue)) {
                throw new AssertionError("component '" + component.getName() + "' of " + expected.getClass().getSimpleName()
                        + ": expected " + Arrays.deepToString(new Object[] {expectedValue}) + " but was "
                        + Arrays.deepToString(new Object[] {actualValue}));
            }
        }
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read component " + component.getName(), e);
        }
    }
}
