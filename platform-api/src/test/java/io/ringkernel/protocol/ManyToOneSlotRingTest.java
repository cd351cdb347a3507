package io.ringkernel.protocol;

import static io.ringkernel.protocol.ManyToOneSlotRing.INSUFFICIENT_CAPACITY;
import static io.ringkernel.protocol.MessageHeaderDescriptor.CHECKSUM_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.COMMIT_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_TYPE_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_MARK;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_TYPE;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PAYLOAD_LENGTH_OFFSET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManyToOneSlotRingTest {
    private static final int TYPE = 7;

    @Test
    void shouldDeliverACommittedRecordWithItsBytesAndNotBefore() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 128);
        byte[] payload = pattern(40, 1);

        long position = ring.tryClaim(payload.length);
        fill(ring, position, payload);
        assertThat(readAll(ring, 10)).isEmpty();
        ring.commit(position, payload.length);
        List<Received> received = readAll(ring, 10);

        assertThat(position).isZero();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).offset()).isZero();
        assertThat(received.get(0).recordLength()).isEqualTo(128);
        assertThat(received.get(0).payload()).isEqualTo(payload);
        assertThat(ring.head()).isEqualTo(1);
    }

    @ParameterizedTest(name = "payload of {0} bytes in {1}-byte slots spans {2} slot(s)")
    @CsvSource({
            "0,   128, 1",
            "64,  128, 1",
            "65,  128, 2",
            "0,   64,  1",
            "1,   64,  2",
            "192, 256, 1",
            "193, 256, 2"})
    void shouldSpanTheSlotsHeaderAndPayloadNeed(int payloadLength, int slotSize, int slots) {
        ManyToOneSlotRing ring = TestMemory.ring(8, slotSize);
        byte[] payload = pattern(payloadLength, 3);

        long position = write(ring, payload);
        List<Received> received = readAll(ring, 10);

        assertThat(ring.slotsFor(payloadLength)).isEqualTo(slots);
        assertThat(position).isZero();
        assertThat(ring.tail()).isEqualTo(slots);
        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.recordLength()).isEqualTo(slots * slotSize);
            assertThat(record.payload()).isEqualTo(payload);
        });
        assertThat(ring.head()).isEqualTo(slots);
    }

    @Test
    void shouldAcceptMaxPayloadAsHalfTheRing() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        byte[] payload = pattern(ring.maxPayload(), 5);

        write(ring, payload);

        assertThat(ring.maxPayload()).isEqualTo(4 * 64 - HEADER_LENGTH);
        assertThat(ring.tail()).isEqualTo(4);
        assertThat(readAll(ring, 1)).singleElement().extracting(Received::payload).isEqualTo(payload);
    }

    @Test
    void shouldRejectPayloadLargerThanMaxPayloadWithoutClaiming() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);

        assertThatIllegalArgumentException().isThrownBy(() -> ring.tryClaim(ring.maxPayload() + 1))
                .withMessageContaining("193").withMessageContaining("max 192");
        assertThatIllegalArgumentException().isThrownBy(() -> ring.tryClaim(-1)).withMessageContaining("-1");
        assertThat(ring.tail()).isZero();
    }

    @Test
    void shouldReportInsufficientCapacityWhenFullAndAcceptAgainAfterARead() {
        ManyToOneSlotRing ring = TestMemory.ring(4, 64);
        for (int i = 0; i < 4; i++) {
            write(ring, pattern(0, i));
        }

        assertThat(ring.tryClaim(0)).isEqualTo(INSUFFICIENT_CAPACITY);
        assertThat(ring.tail()).isEqualTo(4);
        assertThat(readAll(ring, 1)).hasSize(1);
        assertThat(ring.tryClaim(0)).isEqualTo(4);
        assertThat(ring.tryClaim(0)).isEqualTo(INSUFFICIENT_CAPACITY);
    }

    @Test
    void shouldRefuseARecordUntilItsPaddingToTheRingEndFitsToo() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        for (int i = 0; i < 7; i++) {
            write(ring, pattern(0, i));
        }
        readAll(ring, 3);
        int fourSlots = 4 * 64 - HEADER_LENGTH;

        // 4 slots are free, but the record needs 1 slot of padding to the end plus 4 at index 0
        assertThat(ring.tryClaim(fourSlots)).isEqualTo(INSUFFICIENT_CAPACITY);
        readAll(ring, 1);
        assertThat(ring.tryClaim(fourSlots)).isEqualTo(8);
        assertThat(ring.tail()).isEqualTo(12);
    }

    @Test
    void shouldHoldBackLaterCommittedRecordsUntilAnEarlierClaimIsCommitted() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        byte[] first = pattern(100, 1);
        byte[] second = pattern(10, 2);
        long firstPosition = ring.tryClaim(first.length);
        long secondPosition = write(ring, second);

        assertThat(readAll(ring, 10)).isEmpty();
        assertThat(ring.hasCommitted()).isFalse();
        assertThat(ring.head()).isZero();

        fill(ring, firstPosition, first);
        ring.commit(firstPosition, first.length);
        List<Received> received = readAll(ring, 10);

        assertThat(secondPosition).isEqualTo(firstPosition + 3);
        assertThat(received).extracting(Received::payload).containsExactly(first, second);
        assertThat(ring.head()).isEqualTo(5);
    }

    @Test
    void shouldSkipThePaddingRecordAtTheRingEndWithoutCountingIt() {
        ManyToOneSlotRing ring = TestMemory.ring(4, 64);
        for (int i = 0; i < 3; i++) {
            write(ring, pattern(0, i));
        }
        readAll(ring, 3);
        byte[] twoSlots = pattern(64, 9);

        long position = write(ring, twoSlots);
        ByteBuffer buffer = ring.buffer();
        int[] counted = new int[1];
        int read = ring.read((b, offset, length) -> counted[0]++, 1);

        assertThat(position).isEqualTo(4);
        assertThat(buffer.getInt(3 * 64 + MESSAGE_TYPE_OFFSET)).isEqualTo(PADDING_TYPE);
        assertThat(buffer.getInt(3 * 64 + CHECKSUM_OFFSET)).isEqualTo(PADDING_MARK);
        assertThat(buffer.getLong(3 * 64 + COMMIT_OFFSET)).isEqualTo(4);
        assertThat(read).isEqualTo(1);
        assertThat(counted[0]).isEqualTo(1);
        assertThat(ring.head()).isEqualTo(6);
        assertThat(ring.depth()).isZero();
    }

    @Test
    void shouldTellAConsumerThatTakesRecordsItselfWhichIsPaddingAndKeepItsMarks() {
        ManyToOneSlotRing ring = TestMemory.ring(4, 64);
        for (int i = 0; i < 3; i++) {
            write(ring, pattern(0, i));
        }
        assertThat(ring.isPadding(0, 1)).as("a record").isFalse();
        readAll(ring, 3);
        long position = write(ring, pattern(64, 9));

        assertThat(ring.commitWord(3)).isEqualTo(4);
        assertThat(ring.isPadding(3, 1)).isTrue();
        assertThat(ring.isPadding(position, 2)).isFalse();

        ring.mark(position, RingDescriptor.COMMIT_REJECTED);

        assertThat(ring.commitWord(position)).isEqualTo(6 | RingDescriptor.COMMIT_REJECTED);
        assertThat(readAll(ring, 10)).as("the mark hides no record from read").hasSize(1);
        assertThat(ring.head()).isEqualTo(6);
    }

    @Test
    void shouldDeliverARecordOfThePaddingTypeAtTheRingEndThatLacksThePaddingMark() {
        ManyToOneSlotRing ring = TestMemory.ring(4, 64);
        for (int i = 0; i < 3; i++) {
            write(ring, pattern(0, i));
        }
        readAll(ring, 3);
        long position = ring.tryClaim(0);
        ring.buffer().putInt(ring.offset(position) + MESSAGE_TYPE_OFFSET, PADDING_TYPE);
        ring.commit(position, 0);

        List<Received> received = readAll(ring, 10);

        assertThat(position).isEqualTo(3);
        assertThat(received).as("a message whose type field says padding still reaches the consumer").hasSize(1);
        assertThat(received.get(0).offset()).isEqualTo(3 * 64);
        assertThat(ring.head()).isEqualTo(4);
    }

    @Test
    void shouldConsumeThePaddingEvenWhileTheRecordAfterItIsUncommitted() {
        ManyToOneSlotRing ring = TestMemory.ring(4, 64);
        for (int i = 0; i < 3; i++) {
            write(ring, pattern(0, i));
        }
        readAll(ring, 3);

        long position = ring.tryClaim(64);
        int read = ring.read((b, offset, length) -> { }, 10);

        assertThat(position).isEqualTo(4);
        assertThat(read).isZero();
        assertThat(ring.head()).isEqualTo(4);
        assertThat(ring.hasCommitted()).isFalse();
    }

    @Test
    void shouldZeroTheCommitWordOfEveryContinuationSlotAfterReadAndNothingElse() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        byte[] ones = new byte[4 * 64 - HEADER_LENGTH];
        Arrays.fill(ones, (byte) 0xFF);
        write(ring, ones);
        ByteBuffer buffer = ring.buffer();
        for (int slot = 1; slot < 4; slot++) {
            assertThat(buffer.getLong(slot * 64)).isEqualTo(-1L);
        }

        readAll(ring, 1);

        assertThat(buffer.getLong(COMMIT_OFFSET)).as("the record's own commit word").isEqualTo(4);
        for (int slot = 1; slot < 4; slot++) {
            assertThat(buffer.getLong(slot * 64 + COMMIT_OFFSET)).as("commit word of slot %d", slot).isZero();
            for (int i = 8; i < 64; i++) {
                assertThat(buffer.get(slot * 64 + i)).as("byte %d of slot %d", i, slot).isEqualTo((byte) 0xFF);
            }
        }
    }

    @Test
    void shouldZeroTheContinuationSlotsOfAPaddingRecordAfterSkippingIt() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        for (int i = 0; i < 13; i++) {
            write(ring, pattern(0, i));
            readAll(ring, 1);
        }
        ByteBuffer buffer = ring.buffer();
        assertThat(buffer.getLong(6 * 64)).isEqualTo(7);
        assertThat(buffer.getLong(7 * 64)).isEqualTo(8);

        write(ring, pattern(4 * 64 - HEADER_LENGTH, 1));
        readAll(ring, 1);

        assertThat(buffer.getLong(5 * 64 + COMMIT_OFFSET)).as("padding's own commit word").isEqualTo(16);
        assertThat(buffer.getLong(6 * 64 + COMMIT_OFFSET)).isZero();
        assertThat(buffer.getLong(7 * 64 + COMMIT_OFFSET)).isZero();
        assertThat(ring.head()).isEqualTo(20);
    }

    @Test
    void shouldNeverTakeStalePayloadBytesAtASlotBoundaryForACommitWordAfterWrap() {
        ManyToOneSlotRing ring = TestMemory.ring(4, 64);
        // A two-slot record at positions 0..1: its payload starts at slot 1's commit word. Slot 1
        // comes round again as position 5, where the long 6 would mean "a one-slot record is committed".
        byte[] poisoned = pattern(64, 1);
        ByteBuffer.wrap(poisoned).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 6L);
        write(ring, poisoned);
        assertThat(readAll(ring, 1)).singleElement().extracting(Received::payload).isEqualTo(poisoned);
        for (int i = 0; i < 3; i++) {
            write(ring, pattern(0, 10 + i));
        }
        assertThat(readAll(ring, 3)).hasSize(3);
        assertThat(ring.head()).isEqualTo(5);

        assertThat(ring.hasCommitted()).as("nothing was claimed at position 5").isFalse();
        assertThat(readAll(ring, 10)).isEmpty();
        long claimed = ring.tryClaim(0);
        long later = write(ring, pattern(0, 20));
        assertThat(readAll(ring, 10)).as("position 5 is claimed but not committed").isEmpty();
        assertThat(ring.head()).isEqualTo(5);

        byte[] real = pattern(0, 21);
        fill(ring, claimed, real);
        ring.commit(claimed, 0);

        assertThat(claimed).isEqualTo(5);
        assertThat(later).isEqualTo(6);
        assertThat(readAll(ring, 10)).hasSize(2);
        assertThat(ring.head()).isEqualTo(7);
    }

    @Test
    void shouldTrackHeadTailDepthAndHasCommitted() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        assertThat(ring.head()).isZero();
        assertThat(ring.tail()).isZero();
        assertThat(ring.depth()).isZero();
        assertThat(ring.hasCommitted()).isFalse();

        long position = ring.tryClaim(100);
        assertThat(ring.tail()).isEqualTo(3);
        assertThat(ring.depth()).isEqualTo(3);
        assertThat(ring.hasCommitted()).isFalse();

        ring.buffer().putInt(ring.offset(position) + MESSAGE_TYPE_OFFSET, TYPE);
        ring.commit(position, 100);
        assertThat(ring.hasCommitted()).isTrue();
        assertThat(ring.depth()).isEqualTo(3);

        ring.read((buffer, offset, length) -> { }, 1);
        assertThat(ring.head()).isEqualTo(3);
        assertThat(ring.depth()).isZero();
        assertThat(ring.hasCommitted()).isFalse();
    }

    @Test
    void shouldKeepTailAndHeadInTheTrailerWhereTheDeviceLooksForThem() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        write(ring, pattern(100, 1));
        write(ring, pattern(0, 2));
        readAll(ring, 1);
        int trailer = 8 * 64;

        assertThat(ring.buffer().getLong(trailer + RingDescriptor.TAIL_OFFSET)).isEqualTo(4);
        assertThat(ring.buffer().getLong(trailer + RingDescriptor.HEAD_OFFSET)).isEqualTo(3);
    }

    @Test
    void shouldReadAtMostLimitRecords() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        for (int i = 0; i < 3; i++) {
            write(ring, pattern(0, i));
        }

        assertThat(readAll(ring, 0)).isEmpty();
        assertThat(readAll(ring, 2)).hasSize(2);
        assertThat(ring.head()).isEqualTo(2);
        assertThat(readAll(ring, 2)).hasSize(1);
    }

    @Test
    void shouldConsumeARecordWhoseHandlerThrows() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        write(ring, pattern(60, 1));
        byte[] next = pattern(3, 2);
        write(ring, next);

        assertThatThrownBy(() -> ring.read((buffer, offset, length) -> {
            throw new IllegalStateException("handler failed");
        }, 10)).hasMessage("handler failed");

        assertThat(ring.head()).isEqualTo(2);
        assertThat(ring.buffer().getLong(64 + COMMIT_OFFSET)).isZero();
        assertThat(readAll(ring, 10)).singleElement().extracting(Received::payload).isEqualTo(next);
    }

    @Test
    void shouldResumeFromTheStateInMemoryWhenWrappedAgain() {
        ByteBuffer memory = TestMemory.aligned((int) RingDescriptor.requiredBytes(8, 64));
        ManyToOneSlotRing producer = new ManyToOneSlotRing(memory, 8, 64);
        byte[] payload = pattern(30, 4);
        write(producer, payload);

        ManyToOneSlotRing consumer = new ManyToOneSlotRing(memory, 8, 64);

        assertThat(consumer.tail()).isEqualTo(2);
        assertThat(readAll(consumer, 10)).singleElement().extracting(Received::payload).isEqualTo(payload);
        assertThat(producer.head()).isEqualTo(2);
    }

    @ParameterizedTest(name = "capacity {0}, slot size {1}")
    @CsvSource({
            "0,       64,   'ring capacity must be a power of two >= 2, got 0'",
            "1,       64,   'ring capacity must be a power of two >= 2, got 1'",
            "6,       64,   'ring capacity must be a power of two >= 2, got 6'",
            "-8,      64,   'ring capacity must be a power of two >= 2, got -8'",
            "8,       32,   'ring slot size must be a power of two >= 64, got 32'",
            "8,       96,   'ring slot size must be a power of two >= 64, got 96'",
            "1048576, 4096, 'ring of 1048576 slots of 4096 bytes exceeds 2 GiB'"})
    void shouldRejectABadShapeSayingWhatIsWrong(int capacity, int slotSize, String message) {
        ByteBuffer memory = TestMemory.aligned(4096);

        assertThatIllegalArgumentException().isThrownBy(() -> new ManyToOneSlotRing(memory, capacity, slotSize))
                .withMessage(message);
        assertThatIllegalArgumentException().isThrownBy(() -> RingDescriptor.requiredBytes(capacity, slotSize))
                .withMessage(message);
    }

    @Test
    void shouldRejectABufferSmallerThanTheRingNeeds() {
        ByteBuffer memory = TestMemory.aligned(8 * 64 + RingDescriptor.TRAILER_LENGTH - 1);

        assertThatIllegalArgumentException().isThrownBy(() -> new ManyToOneSlotRing(memory, 8, 64))
                .withMessage("ring of 8 x 64 B needs 896 bytes, buffer has 895");
    }

    @Test
    void shouldRejectAHeapBuffer() {
        ByteBuffer heap = ByteBuffer.allocate((int) RingDescriptor.requiredBytes(8, 64));

        assertThatIllegalArgumentException().isThrownBy(() -> new ManyToOneSlotRing(heap, 8, 64))
                .withMessageContaining("direct");
    }

    @Test
    void shouldSizeTheRingAsSlotsPlusTrailer() {
        assertThat(RingDescriptor.requiredBytes(16, 128)).isEqualTo(16 * 128 + 384);
        assertThat(RingDescriptor.maxPayload(16, 128)).isEqualTo(8 * 128 - 64);
    }

    /** Bytes that differ from message to message and from index to index. */
    static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7 + 1);
        }
        return bytes;
    }

    /** Claims, fills and commits one record. */
    static long write(ManyToOneSlotRing ring, byte[] payload) {
        long position = ring.tryClaim(payload.length);
        assertThat(position).as("claim of %d bytes", payload.length).isNotEqualTo(INSUFFICIENT_CAPACITY);
        fill(ring, position, payload);
        ring.commit(position, payload.length);
        return position;
    }

    /** Writes a record's type, payload length and payload at a claimed position, without committing it. */
    static void fill(ManyToOneSlotRing ring, long position, byte[] payload) {
        int offset = ring.offset(position);
        ByteBuffer buffer = ring.buffer();
        buffer.putInt(offset + MESSAGE_TYPE_OFFSET, TYPE);
        buffer.putInt(offset + PAYLOAD_LENGTH_OFFSET, payload.length);
        buffer.put(offset + HEADER_LENGTH, payload);
    }

    /** Reads up to {@code limit} committed records, checking that read() counts each. */
    static List<Received> readAll(ManyToOneSlotRing ring, int limit) {
        List<Received> received = new ArrayList<>();
        int count = ring.read((buffer, offset, length) -> {
            byte[] payload = new byte[buffer.getInt(offset + PAYLOAD_LENGTH_OFFSET)];
            buffer.get(offset + HEADER_LENGTH, payload);
            received.add(new Received(offset, length, payload));
        }, limit);
        assertThat(count).as("records read()").isEqualTo(received.size());
        return received;
    }

    /** A record as the consumer got it. */
    record Received(int offset, int recordLength, byte[] payload) {
    }
}
