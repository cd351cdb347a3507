package io.ringkernel.codec;

import static io.ringkernel.codec.ExactAssertions.assertSameRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.SerializationException;
import io.ringkernel.codec.TestRecords.AllTypes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class FixedLayoutPropertiesTest {
    private static final FixedLayout LAYOUT = FixedLayout.of(AllTypes.class);
    private static final int FIRST_SLOT = 40;
    private static final int SLOT_COUNT = 6;

    /** Decodes, returning normally or throwing SerializationException; anything else fails the property. */
    private static void decodeOrReject(ByteBuffer source, int offset, int length) {
        try {
            assertThat(LAYOUT.decode(source, offset, length)).isInstanceOf(AllTypes.class);
        } catch (SerializationException expected) {
            assertThat(expected.getMessage()).startsWith("malformed fixed-layout payload for " + AllTypes.class.getName());
        }
    }

    private static ByteBuffer encoded(AllTypes message) {
        ByteBuffer buffer = ByteBuffer.allocate(LAYOUT.encodedLength(message));
        LAYOUT.encode(message, buffer, 0);
        return buffer;
    }

    @Property(tries = 1000)
    void shouldRoundTripRandomRecordsAtRandomOffsetsInBuffersOfEitherByteOrder(
            @ForAll byte b, @ForAll short s, @ForAll int i, @ForAll long l, @ForAll float f, @ForAll double d,
            @ForAll boolean z, @ForAll char c, @ForAll @Size(max = 40) byte[] bytes, @ForAll @Size(max = 40) short[] shorts,
            @ForAll @Size(max = 40) int[] ints, @ForAll @Size(max = 40) long[] longs, @ForAll @Size(max = 40) float[] floats,
            @ForAll @Size(max = 40) double[] doubles, @ForAll @IntRange(max = 100) int offset, @ForAll boolean direct,
            @ForAll boolean bigEndian) {
        AllTypes message = new AllTypes(b, s, i, l, f, d, z, c, bytes, shorts, ints, longs, floats, doubles);
        int length = LAYOUT.encodedLength(message);
        ByteBuffer buffer = (direct ? ByteBuffer.allocateDirect(offset + length) : ByteBuffer.allocate(offset + length))
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);

        LAYOUT.encode(message, buffer, offset);

        assertSameRecord(LAYOUT.decode(buffer, offset, length), message);
    }

    @Property(tries = 2000)
    void shouldDecodeOrRejectRandomGarbageOfRandomLength(@ForAll @Size(max = 600) byte[] garbage,
                                                         @ForAll @IntRange(min = -8, max = 700) int offset,
                                                         @ForAll @IntRange(min = -8, max = 700) int length) {
        ByteBuffer source = ByteBuffer.wrap(garbage);

        decodeOrReject(source, 0, garbage.length);
        decodeOrReject(source, offset, length);
    }

    @Property(tries = 2000)
    void shouldDecodeOrRejectValidEncodingsWithRandomBytesOverwritten(
            @ForAll @Size(max = 20) long[] longs, @ForAll @Size(max = 20) byte[] bytes,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(max = 400) Integer> positions, @ForAll byte replacement) {
        ByteBuffer payload = encoded(new AllTypes((byte) 1, (short) 2, 3, 4L, 5f, 6.0, true, 'c', bytes, new short[3],
                new int[2], longs, new float[1], new double[4]));
        for (int position : positions) {
            if (position < payload.capacity()) {
                payload.put(position, replacement);
            }
        }

        decodeOrReject(payload, 0, payload.capacity());
    }

    @Property(tries = 2000)
    void shouldDecodeOrRejectAnyArraySlotContents(@ForAll @IntRange(max = SLOT_COUNT - 1) int slot,
                                                  @ForAll int dataOffset, @ForAll int count,
                                                  @ForAll @IntRange(max = 64) int truncation) {
        ByteBuffer payload = encoded(new AllTypes((byte) 1, (short) 2, 3, 4L, 5f, 6.0, false, 'c', new byte[9],
                new short[5], new int[4], new long[3], new float[2], new double[1]));
        payload.order(ByteOrder.LITTLE_ENDIAN).putInt(FIRST_SLOT + 8 * slot, dataOffset).putInt(FIRST_SLOT + 8 * slot + 4, count);

        decodeOrReject(payload, 0, Math.max(0, payload.capacity() - truncation));
    }
}
