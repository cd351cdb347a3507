package io.ringkernel.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.ringkernel.codec.FixedLayout.Field;
import io.ringkernel.codec.FixedLayout.Field.Kind;
import io.ringkernel.codec.TestRecords.AllTypes;
import io.ringkernel.codec.TestRecords.Misaligned;
import io.ringkernel.codec.TestRecords.Reading;
import io.ringkernel.codec.TestRecords.TwoArrays;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FixedLayoutOffsetsTest {

    private static ByteBuffer littleEndian(ByteBuffer buffer) {
        return buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void shouldPlaceTheJavadocExampleAtItsDocumentedOffsets() {
        FixedLayout layout = FixedLayout.of(Reading.class);

        assertThat(layout.fields()).containsExactly(
                new Field("sensor", int.class, 0, Kind.PRIMITIVE),
                new Field("valid", boolean.class, 4, Kind.PRIMITIVE),
                new Field("value", double.class, 8, Kind.PRIMITIVE),
                new Field("samples", float[].class, 16, Kind.ARRAY),
                new Field("flags", short.class, 24, Kind.PRIMITIVE));
        assertThat(layout.fixedLength()).isEqualTo(32);
        assertThat(layout.encodedLength(new Reading(1, true, 2.0, new float[5], (short) 3))).isEqualTo(32 + 4 * 5);
    }

    @Test
    void shouldWriteEveryByteOfTheJavadocExampleWhereDocumented() {
        ByteBuffer buffer = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
        Arrays.fill(buffer.array(), (byte) 0x5A);
        Reading reading = new Reading(0x01020304, true, 2.5, new float[] {1.5f, -2f, 3.25f}, (short) 0x0708);

        FixedLayout.of(Reading.class).encode(reading, buffer, 0);

        ByteBuffer payload = littleEndian(buffer);
        assertThat(payload.getInt(0)).isEqualTo(0x01020304);
        assertThat(buffer.array()[0]).isEqualTo((byte) 0x04);
        assertThat(payload.get(4)).isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(buffer.array(), 5, 8)).containsOnly(0);
        assertThat(payload.getDouble(8)).isEqualTo(2.5);
        assertThat(payload.getInt(16)).as("samples data offset").isEqualTo(32);
        assertThat(payload.getInt(20)).as("samples element count").isEqualTo(3);
        assertThat(payload.getShort(24)).isEqualTo((short) 0x0708);
        assertThat(Arrays.copyOfRange(buffer.array(), 26, 32)).containsOnly(0);
        assertThat(payload.getFloat(32)).isEqualTo(1.5f);
        assertThat(payload.getFloat(36)).isEqualTo(-2f);
        assertThat(payload.getFloat(40)).isEqualTo(3.25f);
        assertThat(buffer.array()[44]).as("first byte after the payload is untouched").isEqualTo((byte) 0x5A);
    }

    @Test
    void shouldAlignEveryPrimitiveToItsOwnSize() {
        FixedLayout layout = FixedLayout.of(Misaligned.class);

        assertThat(layout.fields()).extracting(Field::offset)
                .containsExactly(0, 2, 4, 8, 12, 16, 24, 28, 32, 40, 48, 50, 52);
        assertThat(layout.fixedLength()).isEqualTo(56);
    }

    @Test
    void shouldGiveEachArrayAnEightByteAlignedSlotInDeclarationOrder() {
        FixedLayout layout = FixedLayout.of(AllTypes.class);

        assertThat(layout.fields()).extracting(Field::name, Field::offset, Field::kind).containsExactly(
                tuple("b", 0, Kind.PRIMITIVE),
                tuple("s", 2, Kind.PRIMITIVE),
                tuple("i", 4, Kind.PRIMITIVE),
                tuple("l", 8, Kind.PRIMITIVE),
                tuple("f", 16, Kind.PRIMITIVE),
                tuple("d", 24, Kind.PRIMITIVE),
                tuple("z", 32, Kind.PRIMITIVE),
                tuple("c", 34, Kind.PRIMITIVE),
                tuple("bytes", 40, Kind.ARRAY),
                tuple("shorts", 48, Kind.ARRAY),
                tuple("ints", 56, Kind.ARRAY),
                tuple("longs", 64, Kind.ARRAY),
                tuple("floats", 72, Kind.ARRAY),
                tuple("doubles", 80, Kind.ARRAY));
        assertThat(layout.fixedLength()).isEqualTo(88);
    }

    @Test
    void shouldStartEachArraysDataOnAnEightByteBoundaryAndZeroTheGaps() {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        Arrays.fill(buffer.array(), (byte) -1);
        FixedLayout layout = FixedLayout.of(TwoArrays.class);
        TwoArrays message = new TwoArrays(new byte[] {1, 2, 3}, new long[] {-1L, 42L});

        layout.encode(message, buffer, 0);

        ByteBuffer payload = littleEndian(buffer);
        assertThat(layout.fixedLength()).isEqualTo(16);
        assertThat(payload.getInt(0)).as("head data offset").isEqualTo(16);
        assertThat(payload.getInt(4)).as("head count").isEqualTo(3);
        assertThat(payload.getInt(8)).as("tail data offset").isEqualTo(24);
        assertThat(payload.getInt(12)).as("tail count").isEqualTo(2);
        assertThat(Arrays.copyOfRange(buffer.array(), 16, 19)).containsExactly(1, 2, 3);
        assertThat(Arrays.copyOfRange(buffer.array(), 19, 24)).containsOnly(0);
        assertThat(payload.getLong(24)).isEqualTo(-1L);
        assertThat(payload.getLong(32)).isEqualTo(42L);
        assertThat(layout.encodedLength(message)).isEqualTo(40);
    }

    @Test
    void shouldEndThePayloadAtTheFixedPartWhenEveryArrayIsEmpty() {
        FixedLayout layout = FixedLayout.of(TwoArrays.class);
        ByteBuffer buffer = ByteBuffer.allocate(16);

        layout.encode(new TwoArrays(new byte[0], new long[0]), buffer, 0);

        assertThat(littleEndian(buffer).getInt(0)).isEqualTo(16);
        assertThat(littleEndian(buffer).getInt(8)).isEqualTo(16);
        assertThat(layout.encodedLength(new TwoArrays(new byte[0], new long[0]))).isEqualTo(16);
    }

    @Test
    void shouldCountArrayOffsetsFromThePayloadStartNotFromTheBufferStart() {
        ByteBuffer buffer = ByteBuffer.allocate(128);

        FixedLayout.of(TwoArrays.class).encode(new TwoArrays(new byte[] {9}, new long[] {7L}), buffer, 40);

        assertThat(littleEndian(buffer).getInt(40)).isEqualTo(16);
        assertThat(buffer.get(40 + 16)).isEqualTo((byte) 9);
        assertThat(littleEndian(buffer).getLong(40 + 24)).isEqualTo(7L);
    }

    @Test
    void shouldLeaveTheTargetsPositionLimitAndByteOrderAlone() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(100).order(ByteOrder.BIG_ENDIAN);
        buffer.position(3).limit(90);

        FixedLayout.of(Reading.class).encode(new Reading(1, false, 0, new float[2], (short) 0), buffer, 8);

        assertThat(buffer.position()).isEqualTo(3);
        assertThat(buffer.limit()).isEqualTo(90);
        assertThat(buffer.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }
}
