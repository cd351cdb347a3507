package io.ringkernel.codec;

import static io.ringkernel.codec.ExactAssertions.assertSameRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.codec.TestRecords.AllTypes;
import io.ringkernel.codec.TestRecords.Reading;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FixedLayoutRoundTripTest {
    private static final FixedLayout ALL_TYPES = FixedLayout.of(AllTypes.class);

    record Bytes(byte value) {
    }

    record Shorts(short value) {
    }

    record Ints(int value) {
    }

    record Longs(long value) {
    }

    record Floats(float value) {
    }

    record Doubles(double value) {
    }

    record Booleans(boolean value) {
    }

    record Chars(char value) {
    }

    private static Object roundTrip(Object message) {
        @SuppressWarnings("unchecked")
        FixedLayout layout = FixedLayout.of((Class<? extends Record>) message.getClass());
        ByteBuffer buffer = ByteBuffer.allocate(layout.encodedLength(message));
        layout.encode(message, buffer, 0);
        return layout.decode(buffer, 0, buffer.capacity());
    }

    static Stream<Object> extremeValuesOfEveryPrimitiveType() {
        return Stream.of(
                new Bytes(Byte.MIN_VALUE), new Bytes(Byte.MAX_VALUE), new Bytes((byte) 0),
                new Shorts(Short.MIN_VALUE), new Shorts(Short.MAX_VALUE),
                new Ints(Integer.MIN_VALUE), new Ints(Integer.MAX_VALUE), new Ints(-1),
                new Longs(Long.MIN_VALUE), new Longs(Long.MAX_VALUE),
                new Floats(Float.MIN_VALUE), new Floats(-Float.MAX_VALUE), new Floats(Float.NEGATIVE_INFINITY),
                new Floats(-0.0f), new Floats(Float.NaN),
                new Doubles(Double.MIN_VALUE), new Doubles(Double.MAX_VALUE), new Doubles(Double.POSITIVE_INFINITY),
                new Doubles(-0.0), new Doubles(Double.NaN),
                new Booleans(true), new Booleans(false),
                new Chars('\0'), new Chars('\uFFFF'), new Chars('\u00e9'));
    }

    @ParameterizedTest
    @MethodSource("extremeValuesOfEveryPrimitiveType")
    void shouldRoundTripExtremeValuesOfEveryPrimitiveType(Object message) {
        assertThat(roundTrip(message)).isEqualTo(message);
    }

    @Test
    void shouldRoundTripEveryArrayTypeWithItsExtremeValues() {
        AllTypes message = new AllTypes((byte) 1, (short) 2, 3, 4L, 5f, 6.0, true, 'x',
                new byte[] {Byte.MIN_VALUE, 0, Byte.MAX_VALUE},
                new short[] {Short.MIN_VALUE, -1, Short.MAX_VALUE},
                new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE, 17},
                new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
                new float[] {Float.NaN, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_NORMAL},
                new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, Math.PI});

        assertSameRecord(roundTrip(message), message);
    }

    @Test
    void shouldRoundTripEmptyArrays() {
        AllTypes message = new AllTypes((byte) 0, (short) 0, 0, 0L, 0f, 0.0, false, 'a',
                new byte[0], new short[0], new int[0], new long[0], new float[0], new double[0]);

        assertSameRecord(roundTrip(message), message);
    }

    @Test
    void shouldRoundTripLargeArrays() {
        long[] longs = new long[100_000];
        double[] doubles = new double[50_001];
        for (int i = 0; i < longs.length; i++) {
            longs[i] = i * 0x9E3779B97F4A7C15L;
        }
        for (int i = 0; i < doubles.length; i++) {
            doubles[i] = i / 3.0;
        }
        AllTypes message = new AllTypes((byte) 0, (short) 0, 0, 0L, 0f, 0.0, false, 'a',
                new byte[70_001], new short[3], new int[0], longs, new float[1], doubles);

        assertSameRecord(roundTrip(message), message);
    }

    @Test
    void shouldKeepTheExactBitsOfNaNPayloads() {
        float quietNaN = Float.intBitsToFloat(0x7fc12345);
        double signallingNaN = Double.longBitsToDouble(0x7ff0000000000abcL);

        AllTypes decoded = (AllTypes) roundTrip(new AllTypes((byte) 0, (short) 0, 0, 0L, quietNaN, signallingNaN, false,
                'a', new byte[0], new short[0], new int[0], new long[0], new float[] {quietNaN},
                new double[] {signallingNaN}));

        assertThat(Float.floatToRawIntBits(decoded.f())).isEqualTo(0x7fc12345);
        assertThat(Float.floatToRawIntBits(decoded.floats()[0])).isEqualTo(0x7fc12345);
        assertThat(Double.doubleToRawLongBits(decoded.d())).isEqualTo(0x7ff0000000000abcL);
        assertThat(Double.doubleToRawLongBits(decoded.doubles()[0])).isEqualTo(0x7ff0000000000abcL);
    }

    @Test
    void shouldDecodeFromReadOnlyDirectBigEndianBuffersAtAnOffset() {
        Reading message = new Reading(-7, true, 1e300, new float[] {0.5f, 0.25f}, Short.MIN_VALUE);
        FixedLayout layout = FixedLayout.of(Reading.class);
        ByteBuffer buffer = ByteBuffer.allocateDirect(200).order(ByteOrder.BIG_ENDIAN);
        layout.encode(message, buffer, 13);
        ByteBuffer readOnly = buffer.asReadOnlyBuffer();
        readOnly.position(5);

        Object decoded = layout.decode(readOnly, 13, layout.encodedLength(message));

        assertSameRecord(decoded, message);
        assertThat(readOnly.position()).isEqualTo(5);
    }

    @Test
    void shouldIgnoreBytesAfterTheLastArray() {
        Reading message = new Reading(1, false, 2.0, new float[] {3f}, (short) 4);
        FixedLayout layout = FixedLayout.of(Reading.class);
        ByteBuffer buffer = ByteBuffer.allocate(100);
        layout.encode(message, buffer, 0);

        assertSameRecord(layout.decode(buffer, 0, 100), message);
    }

    @Test
    void shouldEncodeAllTypesIntoItsOwnLengthExactly() {
        AllTypes message = new AllTypes((byte) 0, (short) 0, 0, 0L, 0f, 0.0, false, 'a',
                new byte[1], new short[1], new int[1], new long[1], new float[1], new double[1]);

        // 88 fixed; byte at 88 (+1), short at 96 (+2), int at 104 (+4), long at 112 (+8), float at 120 (+4), double at 128 (+8)
        assertThat(ALL_TYPES.encodedLength(message)).isEqualTo(136);
    }
}
