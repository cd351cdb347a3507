package io.ringkernel.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.protocol.SlotRecords.SlotRecord;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the check every backend runs on a record it reads from a ring, {@link MessageHeader#problem}.
 * For any bytes in a slot (garbage, or framed records with bit flips and overwritten fields) it
 * promises: no exception, the bytes left as they were, and exactly the problem the protocol
 * defines (docs/protocol.md) — a wrong version first, then a payload length outside the record,
 * then a CRC32C mismatch when the checksum flag is set — worked out here independently of the
 * flyweight, from the raw bytes and {@link CRC32C}. So it returns null only for a consistent
 * record. The statistics report in the test output gives the case count and the mix of outcomes;
 * the tries come from {@code jqwik.tries.default} (docs/reliability-fuzzing.md).
 */
class MessageHeaderFuzzTest {
    private static final String OUTCOME = "header check";

    @Property
    void shouldFindExactlyTheProblemTheProtocolDefinesAndNeverThrow(@ForAll @From(supplier = SlotRecords.class) SlotRecord record) {
        ByteBuffer buffer = record.buffer();

        String problem = new MessageHeader().wrap(buffer, 0).problem(record.recordLength());

        String expected = expectedProblem(record.bytes(), record.recordLength());
        Statistics.label(OUTCOME).collect(expected == null ? "consistent" : expected.replaceAll(" -?\\d+.*", ""));
        Statistics.label(OUTCOME).coverage(coverage -> {
            coverage.check("consistent").percentage(p -> p > 10);
            coverage.check("protocol version").percentage(p -> p > 10);
            coverage.check("payload length").percentage(p -> p > 1);
            coverage.check("checksum mismatch").percentage(p -> p > 2);
        });
        assertThat(problem).isEqualTo(expected);
        assertThat(buffer.array()).as("the check only reads").isEqualTo(record.bytes());
    }

    /** The protocol's header check, from the raw little-endian bytes. */
    private static String expectedProblem(byte[] record, int recordLength) {
        byte version = record[63];
        if (version != 1) {
            return "protocol version " + version + ", expected 1";
        }
        int length = int32(record, 52);
        if (length < 0 || length > recordLength - 64) {
            return "payload length " + length + " does not fit its record of " + recordLength + " bytes";
        }
        boolean checksumFlag = (record[60] & 2) != 0;
        if (checksumFlag) {
            CRC32C crc = new CRC32C();
            crc.update(record, 8, 48);
            crc.update(record, 64, length);
            if ((int) crc.getValue() != int32(record, 56)) {
                return "checksum mismatch";
            }
        }
        return null;
    }

    private static int int32(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | bytes[at + 3] << 24;
    }
}
