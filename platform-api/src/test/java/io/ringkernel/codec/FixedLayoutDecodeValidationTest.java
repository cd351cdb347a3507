package io.ringkernel.codec;

import static io.ringkernel.codec.ExactAssertions.assertSameRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.SerializationException;
import io.ringkernel.codec.TestRecords.Positive;
import io.ringkernel.codec.TestRecords.Reading;
import io.ringkernel.codec.TestRecords.TwoArrays;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class FixedLayoutDecodeValidationTest {
    private static final FixedLayout TWO_ARRAYS = FixedLayout.of(TwoArrays.class);
    private static final int HEAD_SLOT = 0;
    private static final int TAIL_SLOT = 8;

    /** A valid encoding of {@code TwoArrays({1, 2, 3}, {5, 6})}: 16 fixed bytes, head at 16, tail at 24, 40 in all. */
    private static ByteBuffer validTwoArrays() {
        ByteBuffer buffer = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        TWO_ARRAYS.encode(new TwoArrays(new byte[] {1, 2, 3}, new long[] {5, 6}), buffer, 0);
        return buffer;
    }

    private static Object decode(ByteBuffer payload) {
        return TWO_ARRAYS.decode(payload, 0, payload.capacity());
    }

    @Test
    void shouldAcceptTheValidEncodingTheOtherCasesCorrupt() {
        assertSameRecord(decode(validTwoArrays()), new TwoArrays(new byte[] {1, 2, 3}, new long[] {5, 6}));
    }

    @Test
    void shouldRejectPayloadShorterThanTheFixedPart() {
        assertThatThrownBy(() -> TWO_ARRAYS.decode(validTwoArrays(), 0, 15))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(TwoArrays.class.getName())
                .hasMessageContaining("15 bytes is shorter than the 16-byte fixed part");
    }

    @Test
    void shouldRejectNegativeArrayCount() {
        ByteBuffer payload = validTwoArrays().putInt(HEAD_SLOT + 4, -3);

        assertThatThrownBy(() -> decode(payload)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("array 'head' has a negative element count -3");
    }

    @Test
    void shouldRejectArrayCountPointingOutsidePayload() {
        ByteBuffer payload = validTwoArrays().putInt(TAIL_SLOT + 4, 3);

        assertThatThrownBy(() -> decode(payload)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("array 'tail' of 3 elements at offset 24 ends at byte 48, outside the 40-byte payload");
    }

    @Test
    void shouldRejectHugeArrayCountWithoutAllocatingIt() {
        ByteBuffer payload = validTwoArrays().putInt(HEAD_SLOT + 4, Integer.MAX_VALUE);

        assertThatThrownBy(() -> decode(payload)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("array 'head' of 2147483647 elements");
    }

    @Test
    void shouldRejectArrayByteLengthThatOverflowsAnInt() {
        ByteBuffer payload = validTwoArrays().putInt(TAIL_SLOT + 4, 0x2000_0001);

        assertThatThrownBy(() -> decode(payload)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("ends at byte " + (24 + 0x2000_0001L * 8));
    }

    @Test
    void shouldRejectArrayOffsetPointingOutsidePayload() {
        ByteBuffer payload = validTwoArrays().putInt(TAIL_SLOT, 48);

        assertThatThrownBy(() -> decode(payload)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("array 'tail' data offset 48 lies outside the array data area [16, 40]");
    }

    @Test
    void shouldRejectNegativeArrayOffset() {
        ByteBuffer payload = validTwoArrays().putInt(HEAD_SLOT, Integer.MIN_VALUE);

        assertThatThrownBy(() -> decode(payload)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("array 'head' data offset -2147483648 lies outside");
    }

    @Test
    void shouldRejectArrayOffsetIntoTheFixedPart() {
        ByteBuffer payload = validTwoArrays().putInt(HEAD_SLOT, 8);

        assertThatThrownBy(() -> decode(payload)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("array 'head' data offset 8 lies outside the array data area");
    }

    @Test
    void shouldRejectArrayOffsetOffAnEightByteBoundary() {
        ByteBuffer payload = validTwoArrays().putInt(TAIL_SLOT, 20).putInt(TAIL_SLOT + 4, 1);

        assertThatThrownBy(() -> decode(payload)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("array 'tail' data offset 20 is not a multiple of 8");
    }

    @Test
    void shouldRejectBooleanOtherThanZeroOrOne() {
        FixedLayout layout = FixedLayout.of(Reading.class);
        ByteBuffer buffer = ByteBuffer.allocate(32);
        layout.encode(new Reading(1, true, 0, new float[0], (short) 0), buffer, 0);
        buffer.put(4, (byte) 2);

        assertThatThrownBy(() -> layout.decode(buffer, 0, 32)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("boolean 'valid' holds 2, not 0 or 1");
    }

    @Test
    void shouldRejectRangeOutsideTheBuffer() {
        ByteBuffer buffer = validTwoArrays().limit(30);

        assertThatThrownBy(() -> TWO_ARRAYS.decode(buffer, 0, 40)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("does not lie within the buffer's 30 bytes");
        assertThatThrownBy(() -> TWO_ARRAYS.decode(buffer, -1, 16)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> TWO_ARRAYS.decode(buffer, 0, -1)).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> TWO_ARRAYS.decode(buffer, Integer.MAX_VALUE, 16)).isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldReportTheConstructorRejectingDecodedValuesAsSerializationException() {
        FixedLayout layout = FixedLayout.of(Positive.class);
        ByteBuffer payload = ByteBuffer.allocate(8);

        assertThatThrownBy(() -> layout.decode(payload, 0, 8)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("canonical constructor rejected the decoded values")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCheckTheShapeWithoutAskingTheConstructor() {
        FixedLayout layout = FixedLayout.of(Positive.class);

        layout.check(ByteBuffer.allocate(8), 0, 8);
        assertThatThrownBy(() -> layout.check(ByteBuffer.allocate(8), 0, 4)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("4 bytes is shorter than the 8-byte fixed part");
    }

    @Test
    void shouldCheckArraySlotsAsDecodingDoes() {
        TWO_ARRAYS.check(validTwoArrays(), 0, 40);
        ByteBuffer negative = validTwoArrays().putInt(HEAD_SLOT + 4, -3);
        ByteBuffer outside = validTwoArrays().putInt(TAIL_SLOT + 4, 3);

        assertThatThrownBy(() -> TWO_ARRAYS.check(negative, 0, 40)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("array 'head' has a negative element count -3");
        assertThatThrownBy(() -> TWO_ARRAYS.check(outside, 0, 40)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("array 'tail' of 3 elements at offset 24 ends at byte 48, outside the 40-byte payload");
    }
}
