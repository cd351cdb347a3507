package io.ringkernel.protocol;

import static io.ringkernel.protocol.TelemetryDescriptor.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    @Test
    void shouldStartWithEveryCounterZero() {
        Telemetry telemetry = new Telemetry(TestMemory.aligned(LENGTH), 0);

        assertThat(telemetry.minNanos()).isZero();
        assertThat(telemetry.processed()).isZero();
        assertThat(telemetry.totalNanos()).isZero();
        assertThat(telemetry.maxNanos()).isZero();
        assertThat(telemetry.dropped()).isZero();
        assertThat(telemetry.errors()).isZero();
        assertThat(telemetry.repliesWritten()).isZero();
        assertThat(telemetry.lastErrorCode()).isZero();
    }

    @Test
    void shouldCountMessagesProcessedWithoutATimeAndLeaveTheTimesAlone() {
        Telemetry telemetry = new Telemetry(TestMemory.aligned(LENGTH), 0);
        telemetry.recordProcessed(40);

        telemetry.recordProcessedUntimed(5);

        assertThat(telemetry.processed()).isEqualTo(6);
        assertThat(telemetry.totalNanos()).isEqualTo(40);
        assertThat(telemetry.minNanos()).isEqualTo(40);
        assertThat(telemetry.maxNanos()).isEqualTo(40);
    }

    @Test
    void shouldCountSumAndTrackMinAndMaxOfProcessingTimes() {
        Telemetry telemetry = new Telemetry(TestMemory.aligned(LENGTH), 0);

        telemetry.recordProcessed(50);
        assertThat(telemetry.minNanos()).isEqualTo(50);
        telemetry.recordProcessed(20);
        telemetry.recordProcessed(90);
        telemetry.recordProcessed(20);

        assertThat(telemetry.processed()).isEqualTo(4);
        assertThat(telemetry.totalNanos()).isEqualTo(180);
        assertThat(telemetry.minNanos()).isEqualTo(20);
        assertThat(telemetry.maxNanos()).isEqualTo(90);
    }

    @Test
    void shouldMakeTheFirstTimeBothMinAndMax() {
        Telemetry telemetry = new Telemetry(TestMemory.aligned(LENGTH), 0);

        telemetry.recordProcessed(1234);

        assertThat(telemetry.minNanos()).isEqualTo(1234);
        assertThat(telemetry.maxNanos()).isEqualTo(1234);
    }

    @Test
    void shouldCountDropsErrorsAndRepliesAndKeepTheLastErrorCode() {
        Telemetry telemetry = new Telemetry(TestMemory.aligned(LENGTH), 0);

        telemetry.recordDropped(2);
        telemetry.recordError(1);
        telemetry.recordError(7);
        telemetry.recordReply();
        telemetry.recordReply();
        telemetry.recordReply();

        assertThat(telemetry.dropped()).isEqualTo(1);
        assertThat(telemetry.errors()).isEqualTo(2);
        assertThat(telemetry.repliesWritten()).isEqualTo(3);
        assertThat(telemetry.lastErrorCode()).isEqualTo(7);
        assertThat(telemetry.processed()).isZero();
    }

    @Test
    void shouldKeepCountersLittleEndianAtTheDescriptorOffsets() {
        ByteBuffer memory = TestMemory.aligned(LENGTH);
        Telemetry telemetry = new Telemetry(memory, 0);

        telemetry.recordProcessed(300);
        telemetry.recordDropped(4);
        telemetry.recordReply();

        assertThat(memory.getLong(PROCESSED_OFFSET)).isEqualTo(1);
        assertThat(memory.getLong(DROPPED_OFFSET)).isEqualTo(1);
        assertThat(memory.getLong(TOTAL_NANOS_OFFSET)).isEqualTo(300);
        assertThat(memory.getLong(MIN_NANOS_OFFSET)).isEqualTo(300);
        assertThat(memory.getLong(MAX_NANOS_OFFSET)).isEqualTo(300);
        assertThat(memory.getLong(REPLIES_WRITTEN_OFFSET)).isEqualTo(1);
        assertThat(memory.getInt(LAST_ERROR_CODE_OFFSET)).isEqualTo(4);
        assertThat(memory.get(TOTAL_NANOS_OFFSET)).as("low byte first").isEqualTo((byte) (300 & 0xFF));
    }

    @Test
    void shouldStayInsideItsRegionAtAnAlignedOffset() {
        ByteBuffer memory = TestMemory.aligned(3 * LENGTH);
        Telemetry telemetry = new Telemetry(memory, LENGTH);

        telemetry.recordProcessed(-1);
        telemetry.recordError(-1);
        telemetry.recordReply();

        for (int i = 0; i < LENGTH; i++) {
            assertThat(memory.get(i)).as("byte %d before the region", i).isZero();
            assertThat(memory.get(2 * LENGTH + i)).as("byte %d after the region", i).isZero();
        }
        assertThat(telemetry.errors()).isEqualTo(1);
    }

    @Test
    void shouldRejectAMisalignedOffset() {
        ByteBuffer memory = TestMemory.aligned(4 * LENGTH);

        assertThatIllegalArgumentException().isThrownBy(() -> new Telemetry(memory, 32))
                .withMessage("telemetry buffer must start on a 64-byte boundary, got offset 32");
        assertThatIllegalArgumentException().isThrownBy(() -> new Telemetry(memory, -64))
                .withMessage("telemetry buffer must start on a 64-byte boundary, got offset -64");
    }

    @Test
    void shouldRejectARegionThatRunsPastTheBuffer() {
        ByteBuffer memory = TestMemory.aligned(2 * LENGTH - 8);

        assertThatIllegalArgumentException().isThrownBy(() -> new Telemetry(memory, LENGTH))
                .withMessage("telemetry buffer needs 64 bytes at offset 64 but the buffer holds 120");
    }

    @Test
    void shouldRejectAHeapBuffer() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Telemetry(ByteBuffer.allocate(LENGTH), 0))
                .withMessageContaining("direct");
    }
}
