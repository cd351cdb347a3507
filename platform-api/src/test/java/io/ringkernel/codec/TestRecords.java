package io.ringkernel.codec;

/** Records the fixed-layout tests code. */
final class TestRecords {

    private TestRecords() {
    }

    /** The example of {@link FixedLayout}'s javadoc. */
    record Reading(int sensor, boolean valid, double value, float[] samples, short flags) {
    }

    /** One component of every supported type, primitives interleaved with arrays. */
    record AllTypes(byte b, short s, int i, long l, float f, double d, boolean z, char c,
                    byte[] bytes, short[] shorts, int[] ints, long[] longs, float[] floats, double[] doubles) {
    }

    /** Single-byte components between wider ones, so every primitive needs its own alignment. */
    record Misaligned(byte b1, char c, byte b2, int i, byte b3, long l, byte b4, float f, byte b5, double d,
                      byte b6, short s, boolean z) {
    }

    /** Two arrays whose data both need alignment. */
    record TwoArrays(byte[] head, long[] tail) {
    }

    /** A record that validates its values, as a decoded message's constructor may. */
    record Positive(int value) {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive");
            }
        }
    }
}
