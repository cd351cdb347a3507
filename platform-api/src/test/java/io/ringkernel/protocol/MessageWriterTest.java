package io.ringkernel.protocol;

import static io.ringkernel.protocol.ManyToOneSlotRing.INSUFFICIENT_CAPACITY;
import static io.ringkernel.protocol.MessageHeaderDescriptor.COMMIT_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAG_CALL;
import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAG_CHECKSUM;
import static io.ringkernel.protocol.MessageHeaderDescriptor.VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageWriterTest {

    @Test
    void shouldWriteEveryHeaderFieldAndThePayloadIntoTheRing() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 128);
        byte[] payload = ManyToOneSlotRingTest.pattern(100, 3);
        HeaderFields fields = fields(payload.length, 5L);

        long position = MessageWriter.tryWrite(ring, fields, ByteBuffer.wrap(payload));
        List<Written> records = readAll(ring);

        assertThat(position).isZero();
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.fields()).isEqualTo(withFlags(fields, (short) (FLAG_CALL | FLAG_CHECKSUM)));
            assertThat(record.version()).isEqualTo(VERSION);
            assertThat(record.problem()).isNull();
            assertThat(record.payload()).isEqualTo(payload);
            assertThat(record.recordLength()).isEqualTo(256);
        });
    }

    @Test
    void shouldSealTheRecordWithAChecksumThatVerifies() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 128);

        long position = MessageWriter.tryWrite(ring, fields(30, 1L), ByteBuffer.wrap(new byte[30]));
        MessageHeader header = new MessageHeader().wrap(ring.buffer(), ring.offset(position));

        assertThat(header.hasFlag(FLAG_CHECKSUM)).isTrue();
        assertThat(header.checksum()).isEqualTo(MessageChecksum.compute(ring.buffer(), header.offset(), 30));
    }

    @Test
    void shouldPublishTheRecordEndAsItsCommitWord() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        MessageWriter.tryWrite(ring, fields(0, 1L), ByteBuffer.allocate(0));

        long position = MessageWriter.tryWrite(ring, fields(100, 2L), ByteBuffer.allocate(100));

        assertThat(position).isEqualTo(1);
        assertThat(ring.buffer().getLong(ring.offset(position) + COMMIT_OFFSET)).isEqualTo(4);
    }

    @Test
    void shouldMarkTheCommitWordOfWhatTheRuntimesSenderWroteAndStillHandTheRecordOver() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        MessageWriter.tryWrite(ring, fields(0, 1L), ByteBuffer.allocate(0), true);
        long run = MessageWriter.tryWriteRun(ring, List.of(fields(100, 2L), fields(0, 3L)), ByteBuffer.allocate(100), true);
        MessageWriter.tryWrite(ring, fields(0, 4L), ByteBuffer.allocate(0));

        assertThat(ring.buffer().getLong(COMMIT_OFFSET)).isEqualTo(1 | RingDescriptor.COMMIT_ADMITTED);
        assertThat(ring.buffer().getLong(ring.offset(run) + COMMIT_OFFSET)).isEqualTo(4 | RingDescriptor.COMMIT_ADMITTED);
        assertThat(ring.buffer().getLong(ring.offset(5) + COMMIT_OFFSET)).isEqualTo(6);
        assertThat(ring.hasCommitted()).isTrue();
        assertThat(readAll(ring)).extracting(Written::recordLength).containsExactly(64, 192, 64, 64);
        assertThat(ring.hasCommitted()).isFalse();
    }

    @Test
    void shouldWriteOnlyTheRemainingBytesAndLeaveThePayloadBufferAsItWas() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 128);
        byte[] source = ManyToOneSlotRingTest.pattern(40, 8);
        ByteBuffer payload = ByteBuffer.wrap(source).position(5).limit(25);

        MessageWriter.tryWrite(ring, fields(20, 1L), payload);

        assertThat(payload.position()).isEqualTo(5);
        assertThat(payload.limit()).isEqualTo(25);
        byte[] expected = new byte[20];
        System.arraycopy(source, 5, expected, 0, 20);
        assertThat(readAll(ring)).singleElement().extracting(Written::payload).isEqualTo(expected);
    }

    @Test
    void shouldWriteAPayloadFromADirectBuffer() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 128);
        byte[] bytes = ManyToOneSlotRingTest.pattern(50, 2);
        ByteBuffer payload = ByteBuffer.allocateDirect(50).put(bytes).flip();

        MessageWriter.tryWrite(ring, fields(50, 1L), payload);

        assertThat(readAll(ring)).singleElement().satisfies(record -> {
            assertThat(record.payload()).isEqualTo(bytes);
            assertThat(record.problem()).isNull();
        });
    }

    @Test
    void shouldRejectAPayloadWhoseLengthDisagreesWithTheHeaderWithoutClaiming() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 128);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> MessageWriter.tryWrite(ring, fields(10, 1L), ByteBuffer.allocate(9)))
                .withMessage("header says 10 payload bytes, buffer has 9");
        assertThat(ring.tail()).isZero();
    }

    @Test
    void shouldRejectAPayloadLargerThanTheRingAccepts() {
        ManyToOneSlotRing ring = TestMemory.ring(4, 64);
        int tooLarge = ring.maxPayload() + 1;

        assertThatIllegalArgumentException()
                .isThrownBy(() -> MessageWriter.tryWrite(ring, fields(tooLarge, 1L), ByteBuffer.allocate(tooLarge)));
        assertThat(ring.tail()).isZero();
    }

    @Test
    void shouldReturnInsufficientCapacityAndWriteNothingWhenTheRingIsFull() {
        ManyToOneSlotRing ring = TestMemory.ring(4, 64);
        for (long id = 0; id < 4; id++) {
            assertThat(MessageWriter.tryWrite(ring, fields(0, id), ByteBuffer.allocate(0))).isEqualTo(id);
        }

        long refused = MessageWriter.tryWrite(ring, fields(0, 99L), ByteBuffer.allocate(0));

        assertThat(refused).isEqualTo(INSUFFICIENT_CAPACITY);
        assertThat(ring.tail()).isEqualTo(4);
        assertThat(readAll(ring)).extracting(record -> record.fields().messageId()).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void shouldWriteARunOfRecordsUnderOneClaimEachWithItsHeaderPayloadAndChecksum() {
        ManyToOneSlotRing ring = TestMemory.ring(16, 64);
        byte[] first = ManyToOneSlotRingTest.pattern(10, 1);
        byte[] second = ManyToOneSlotRingTest.pattern(100, 2);
        List<HeaderFields> run = List.of(fields(10, 21L), fields(100, 22L), fields(0, 23L));
        ByteBuffer payloads = ByteBuffer.allocate(3 + 110 + 2).position(3).limit(113);
        payloads.put(3, first).put(13, second);

        long position = MessageWriter.tryWriteRun(ring, run, payloads);
        long next = MessageWriter.tryWrite(ring, fields(0, 24L), ByteBuffer.allocate(0));
        List<Written> records = readAll(ring);

        assertThat(position).isZero();
        assertThat(next).as("2 + 3 + 1 slots later").isEqualTo(6);
        assertThat(payloads.position()).isEqualTo(3);
        assertThat(payloads.limit()).isEqualTo(113);
        assertThat(records).extracting(Written::fields).containsExactly(
                withFlags(run.get(0), (short) (FLAG_CALL | FLAG_CHECKSUM)),
                withFlags(run.get(1), (short) (FLAG_CALL | FLAG_CHECKSUM)),
                withFlags(run.get(2), (short) (FLAG_CALL | FLAG_CHECKSUM)),
                withFlags(fields(0, 24L), (short) (FLAG_CALL | FLAG_CHECKSUM)));
        assertThat(records).extracting(Written::problem).containsOnlyNulls();
        assertThat(records).extracting(Written::recordLength).containsExactly(2 * 64, 3 * 64, 64, 64);
        assertThat(records).extracting(Written::payload).containsExactly(first, second, new byte[0], new byte[0]);
    }

    @Test
    void shouldCommitEachRecordOfARunWithItsOwnEnd() {
        ManyToOneSlotRing ring = TestMemory.ring(16, 64);

        long position = MessageWriter.tryWriteRun(ring, List.of(fields(100, 1L), fields(0, 2L)),
                ByteBuffer.allocate(100));

        assertThat(position).isZero();
        assertThat(ring.buffer().getLong(COMMIT_OFFSET)).isEqualTo(3);
        assertThat(ring.buffer().getLong(3 * 64 + COMMIT_OFFSET)).isEqualTo(4);
        assertThat(ring.tail()).isEqualTo(4);
    }

    @Test
    void shouldWriteNoRecordOfARunWhenTheRingHasNoRoomForAllOfThem() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        for (long id = 0; id < 6; id++) {
            MessageWriter.tryWrite(ring, fields(0, id), ByteBuffer.allocate(0));
        }

        long refused = MessageWriter.tryWriteRun(ring, List.of(fields(0, 6L), fields(0, 7L), fields(0, 8L)),
                ByteBuffer.allocate(0));

        assertThat(refused).as("2 slots are free, the run needs 3").isEqualTo(INSUFFICIENT_CAPACITY);
        assertThat(ring.tail()).isEqualTo(6);
        assertThat(readAll(ring)).extracting(record -> record.fields().messageId())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void shouldWriteAUniformRunFromOneSetOfHeaderValuesWithConsecutiveIdsAndTimestamps() {
        ManyToOneSlotRing ring = TestMemory.ring(32, 64);
        byte[] bytes = ManyToOneSlotRingTest.pattern(3 * 100 + 4, 5);
        ByteBuffer payloads = ByteBuffer.wrap(bytes).position(2).limit(302);
        HeaderFields template = fields(100, 40L);

        long position = MessageWriter.tryWriteRun(ring, template, 3, payloads, true);
        List<Written> records = readAll(ring);

        assertThat(position).isZero();
        assertThat(payloads.position()).isEqualTo(2);
        assertThat(payloads.limit()).isEqualTo(302);
        assertThat(records).extracting(Written::fields).containsExactly(
                withFlags(at(template, 0), (short) (FLAG_CALL | FLAG_CHECKSUM)),
                withFlags(at(template, 1), (short) (FLAG_CALL | FLAG_CHECKSUM)),
                withFlags(at(template, 2), (short) (FLAG_CALL | FLAG_CHECKSUM)));
        assertThat(records).extracting(Written::problem).containsOnlyNulls();
        assertThat(records).extracting(Written::recordLength).containsExactly(3 * 64, 3 * 64, 3 * 64);
        for (int i = 0; i < 3; i++) {
            byte[] expected = new byte[100];
            System.arraycopy(bytes, 2 + i * 100, expected, 0, 100);
            assertThat(records.get(i).payload()).isEqualTo(expected);
        }
        assertThat(ring.buffer().getLong(3 * 64 + COMMIT_OFFSET)).isEqualTo(6 | RingDescriptor.COMMIT_ADMITTED);
    }

    @Test
    void shouldWriteNoRecordOfAUniformRunWhenTheRingHasNoRoomForAllOfThem() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        for (long id = 0; id < 6; id++) {
            MessageWriter.tryWrite(ring, fields(0, id), ByteBuffer.allocate(0));
        }

        long refused = MessageWriter.tryWriteRun(ring, fields(0, 6L), 3, ByteBuffer.allocate(0), true);

        assertThat(refused).as("2 slots are free, the run needs 3").isEqualTo(INSUFFICIENT_CAPACITY);
        assertThat(ring.tail()).isEqualTo(6);
    }

    @Test
    void shouldRejectAUniformRunThatIsEmptyOrWhosePayloadBytesAreNotItsRecordsWithoutClaiming() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> MessageWriter.tryWriteRun(ring, fields(10, 1L), 0, ByteBuffer.allocate(0), true))
                .withMessage("a run needs at least one record and a payload length of at least 0, got 0 record(s) of 10 bytes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MessageWriter.tryWriteRun(ring, fields(10, 1L), 3, ByteBuffer.allocate(29), true))
                .withMessage("3 records of 10 payload bytes, buffer has 29");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MessageWriter.tryWriteRun(ring, fields(0, 1L), 5, ByteBuffer.allocate(0), true))
                .withMessageContaining("a run of 5 slots does not fit a ring of 8 slots");
        assertThat(ring.tail()).isZero();
    }

    @Test
    void shouldRejectARunWhosePayloadLengthsDisagreeWithThePayloadBytesWithoutClaiming() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> MessageWriter.tryWriteRun(ring, List.of(fields(10, 1L), fields(20, 2L)),
                        ByteBuffer.allocate(29)))
                .withMessage("headers say 30 payload bytes, buffer has 29");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MessageWriter.tryWriteRun(ring, List.of(fields(-1, 1L), fields(1, 2L)),
                        ByteBuffer.allocate(0)))
                .withMessage("header says -1 payload bytes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MessageWriter.tryWriteRun(ring, List.of(), ByteBuffer.allocate(0)))
                .withMessage("a run needs at least one record");
        assertThat(ring.tail()).isZero();
    }

    private static HeaderFields fields(int payloadLength, long messageId) {
        return new HeaderFields(messageId, 77L, HybridLogicalClock.pack(1_000, 2), HybridLogicalClock.pack(2_000, 0),
                4, 9, 12, payloadLength, FLAG_CALL, (byte) 3);
    }

    private static HeaderFields withFlags(HeaderFields fields, short flags) {
        return new HeaderFields(fields.messageId(), fields.correlationId(), fields.timestamp(), fields.deadline(),
                fields.sourceKernel(), fields.destinationKernel(), fields.messageType(), fields.payloadLength(), flags,
                fields.priority());
    }

    private static List<Written> readAll(ManyToOneSlotRing ring) {
        List<Written> records = new ArrayList<>();
        MessageHeader header = new MessageHeader();
        ring.read((buffer, offset, recordLength) -> {
            header.wrap(buffer, offset);
            byte[] payload = new byte[header.payloadLength()];
            buffer.get(header.payloadOffset(), payload);
            records.add(new Written(MessageHeaderTest.fieldsOf(header), header.version(), header.problem(recordLength),
                    recordLength, payload));
        }, Integer.MAX_VALUE);
        return records;
    }

    private record Written(HeaderFields fields, byte version, String problem, int recordLength, byte[] payload) {
    }

    /** @return the header values of a uniform run's record {@code i} */
    private static HeaderFields at(HeaderFields template, int i) {
        return new HeaderFields(template.messageId() + i, template.correlationId(), template.timestamp() + i,
                template.deadline(), template.sourceKernel(), template.destinationKernel(), template.messageType(),
                template.payloadLength(), template.flags(), template.priority());
    }
}
