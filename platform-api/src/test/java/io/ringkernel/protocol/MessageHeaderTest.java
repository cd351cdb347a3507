package io.ringkernel.protocol;

import static io.ringkernel.protocol.MessageHeaderDescriptor.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32C;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class MessageHeaderTest {
    private static final int AT = 128;
    private static final HeaderFields FIELDS = new HeaderFields(0x0102030405060708L, -2L, HybridLogicalClock.pack(1_700_000_000_000L, 7),
            Long.MAX_VALUE, 3, Integer.MIN_VALUE, 42, 100, FLAG_CALL, (byte) 9);

    @Test
    void shouldLayOutTheHeaderAsGapFreeNonOverlappingNaturallyAligned64Bytes() {
        List<Field> fields = List.of(
                new Field("commit", COMMIT_OFFSET, 8),
                new Field("messageId", MESSAGE_ID_OFFSET, 8),
                new Field("correlationId", CORRELATION_ID_OFFSET, 8),
                new Field("timestamp", TIMESTAMP_OFFSET, 8),
                new Field("deadline", DEADLINE_OFFSET, 8),
                new Field("sourceKernel", SOURCE_KERNEL_OFFSET, 4),
                new Field("destinationKernel", DESTINATION_KERNEL_OFFSET, 4),
                new Field("messageType", MESSAGE_TYPE_OFFSET, 4),
                new Field("payloadLength", PAYLOAD_LENGTH_OFFSET, 4),
                new Field("checksum", CHECKSUM_OFFSET, 4),
                new Field("flags", FLAGS_OFFSET, 2),
                new Field("priority", PRIORITY_OFFSET, 1),
                new Field("version", VERSION_OFFSET, 1));

        assertThat(fields).extracting(Field::offset).containsExactly(0, 8, 16, 24, 32, 40, 44, 48, 52, 56, 60, 62, 63);
        List<Field> sorted = fields.stream().sorted(Comparator.comparingInt(Field::offset)).toList();
        int end = 0;
        for (Field field : sorted) {
            assertThat(field.offset()).as("%s starts where the field before it ends", field.name()).isEqualTo(end);
            assertThat(field.offset() % field.size()).as("%s is naturally aligned", field.name()).isZero();
            end = field.offset() + field.size();
        }
        assertThat(end).isEqualTo(HEADER_LENGTH).isEqualTo(64);
        assertThat(CHECKSUM_START).isEqualTo(8);
        assertThat(CHECKSUM_HEADER_LENGTH).isEqualTo(48);
    }

    @Test
    void shouldReadBackEveryFieldItWrote() {
        MessageHeader header = new MessageHeader().wrap(TestMemory.aligned(512), AT).write(FIELDS);

        assertThat(header.offset()).isEqualTo(AT);
        assertThat(header.payloadOffset()).isEqualTo(AT + 64);
        assertThat(fieldsOf(header)).isEqualTo(FIELDS);
        assertThat(header.version()).isEqualTo(VERSION);
        assertThat(header.hasFlag(FLAG_CALL)).isTrue();
        assertThat(header.hasFlag(FLAG_CHECKSUM)).isFalse();
    }

    @Test
    void shouldWriteFieldsLittleEndianAtTheirDescriptorOffsets() {
        ByteBuffer memory = TestMemory.aligned(512);
        new MessageHeader().wrap(memory, AT).write(FIELDS);

        assertThat(memory.get(AT + MESSAGE_ID_OFFSET)).isEqualTo((byte) 0x08);
        assertThat(memory.get(AT + MESSAGE_ID_OFFSET + 7)).isEqualTo((byte) 0x01);
        assertThat(memory.get(AT + MESSAGE_TYPE_OFFSET)).isEqualTo((byte) 42);
        assertThat(memory.get(AT + PAYLOAD_LENGTH_OFFSET)).isEqualTo((byte) 100);
        assertThat(memory.get(AT + PRIORITY_OFFSET)).isEqualTo((byte) 9);
        assertThat(memory.get(AT + VERSION_OFFSET)).isEqualTo(VERSION);
    }

    @Test
    void shouldLeaveCommitWordAndChecksumAloneWhenWritingFields() {
        ByteBuffer memory = TestMemory.aligned(512);
        for (int i = 0; i < 512; i++) {
            memory.put(i, (byte) 0xAA);
        }

        new MessageHeader().wrap(memory, AT).write(FIELDS);

        assertThat(memory.getLong(AT + COMMIT_OFFSET)).isEqualTo(0xAAAAAAAAAAAAAAAAL);
        assertThat(memory.getInt(AT + CHECKSUM_OFFSET)).isEqualTo(0xAAAAAAAA);
    }

    @Test
    void shouldSealWithCrc32cOfHeaderBytes8To55AndThePayload() {
        ByteBuffer memory = TestMemory.aligned(512);
        MessageHeader header = sealedRecord(memory, payload(100));

        byte[] covered = new byte[48 + 100];
        memory.get(AT + 8, covered, 0, 48);
        memory.get(AT + 64, covered, 48, 100);
        CRC32C crc = new CRC32C();
        crc.update(covered);

        assertThat(header.checksum()).isEqualTo((int) crc.getValue());
        assertThat(header.hasFlag(FLAG_CHECKSUM)).isTrue();
        assertThat(header.hasFlag(FLAG_CALL)).as("seal keeps the other flags").isTrue();
    }

    @Test
    void shouldSealAHeaderComposedApartFromItsPayloadAsIfTheyWereOneRecord() {
        byte[] bytes = payload(100);
        MessageHeader inPlace = sealedRecord(TestMemory.aligned(512), bytes);
        ByteBuffer elsewhere = TestMemory.aligned(512).put(200, bytes);

        MessageHeader composed = new MessageHeader().wrap(TestMemory.aligned(128), 0).write(fieldsOf(inPlace))
                .seal(elsewhere, 200);

        assertThat(composed.checksum()).isEqualTo(inPlace.checksum());
        assertThat(composed.flags()).isEqualTo(inPlace.flags());
    }

    @Test
    void shouldRestampOnlyTheMessageIdAndTimestamp() {
        ByteBuffer memory = TestMemory.aligned(512);
        MessageHeader header = new MessageHeader().wrap(memory, AT).write(FIELDS);

        header.restamp(77, 88);

        assertThat(fieldsOf(header)).isEqualTo(new HeaderFields(77, FIELDS.correlationId(), 88, FIELDS.deadline(),
                FIELDS.sourceKernel(), FIELDS.destinationKernel(), FIELDS.messageType(), FIELDS.payloadLength(),
                FIELDS.flags(), FIELDS.priority()));
        assertThat(header.version()).isEqualTo(VERSION);
    }

    @Test
    void shouldFindNoProblemInAWellFormedRecord() {
        MessageHeader header = sealedRecord(TestMemory.aligned(512), payload(100));

        assertThat(header.problem(192)).isNull();
    }

    @Test
    void shouldFindNoProblemWhenThePayloadExactlyFillsItsRecord() {
        MessageHeader header = sealedRecord(TestMemory.aligned(512), payload(128));

        assertThat(header.problem(192)).isNull();
    }

    @Test
    void shouldReportAWrongProtocolVersion() {
        MessageHeader header = sealedRecord(TestMemory.aligned(512), payload(10));
        header.buffer().put(AT + VERSION_OFFSET, (byte) 2);

        assertThat(header.problem(128)).isEqualTo("protocol version 2, expected 1");
    }

    @Test
    void shouldReportANegativePayloadLength() {
        MessageHeader header = sealedRecord(TestMemory.aligned(512), payload(10));
        header.buffer().putInt(AT + PAYLOAD_LENGTH_OFFSET, -1);

        assertThat(header.problem(128)).isEqualTo("payload length -1 does not fit its record of 128 bytes");
    }

    @Test
    void shouldReportAPayloadLongerThanItsRecord() {
        MessageHeader header = sealedRecord(TestMemory.aligned(512), payload(65));

        assertThat(header.problem(128)).isEqualTo("payload length 65 does not fit its record of 128 bytes");
    }

    @Test
    void shouldNotVerifyTheChecksumWhenTheFlagIsClear() {
        ByteBuffer memory = TestMemory.aligned(512);
        MessageHeader header = new MessageHeader().wrap(memory, AT).write(FIELDS);
        memory.put(AT + 64, payload(100));
        memory.putInt(AT + CHECKSUM_OFFSET, 12345);

        assertThat(header.problem(192)).isNull();
    }

    /** CRC32C detects every error burst of up to 32 bits, so any one changed byte must show. */
    @Property(tries = 500)
    void shouldReportAChangeOfAnySingleByteTheChecksumCovers(@ForAll("flips") Flip flip) {
        ByteBuffer memory = TestMemory.aligned(AT + 64 + 512);
        MessageHeader header = sealedRecord(memory, flip.payload());
        int recordLength = (64 + flip.payload().length + 63) / 64 * 64;
        int index = flip.index() < 48 ? AT + 8 + flip.index() : AT + 64 + flip.index() - 48;

        memory.put(index, (byte) (memory.get(index) ^ flip.mask()));
        String problem = header.problem(recordLength);

        if (index >= AT + PAYLOAD_LENGTH_OFFSET && index < AT + PAYLOAD_LENGTH_OFFSET + 4) {
            assertThat(problem).as("payload length changed").isNotNull();
        } else {
            assertThat(problem).isEqualTo("checksum mismatch");
        }
    }

    @Provide
    Arbitrary<Flip> flips() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300).flatMap(payload -> Arbitraries.integers()
                .between(0, 48 + payload.length - 1)
                .flatMap(index -> Arbitraries.integers().between(1, 255).map(mask -> new Flip(payload, index, mask))));
    }

    @Test
    void shouldTreatOnlyPositiveTypesAsUserTypes() {
        assertThat(isUserType(1)).isTrue();
        assertThat(isUserType(Integer.MAX_VALUE)).isTrue();
        assertThat(isUserType(PADDING_TYPE)).isFalse();
        assertThat(isUserType(ERROR_TYPE)).isFalse();
    }

    private static MessageHeader sealedRecord(ByteBuffer memory, byte[] payload) {
        HeaderFields fields = new HeaderFields(FIELDS.messageId(), FIELDS.correlationId(), FIELDS.timestamp(),
                FIELDS.deadline(), FIELDS.sourceKernel(), FIELDS.destinationKernel(), FIELDS.messageType(),
                payload.length, FIELDS.flags(), FIELDS.priority());
        MessageHeader header = new MessageHeader().wrap(memory, AT).write(fields);
        memory.put(header.payloadOffset(), payload);
        return header.seal();
    }

    static HeaderFields fieldsOf(MessageHeader header) {
        return new HeaderFields(header.messageId(), header.correlationId(), header.timestamp(), header.deadline(),
                header.sourceKernel(), header.destinationKernel(), header.messageType(), header.payloadLength(),
                header.flags(), header.priority());
    }

    private static byte[] payload(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 13 + 5);
        }
        return bytes;
    }

    private record Field(String name, int offset, int size) {
    }

    /** One byte of a sealed record changed: index 0..47 is header byte 8 + index, above that a payload byte. */
    record Flip(byte[] payload, int index, int mask) {
    }
}
