package io.ringkernel.conformance;

import static io.ringkernel.protocol.MessageHeaderDescriptor.ERROR_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.protocol.ErrorPayload;
import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.spi.Backend;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every backend must do with bytes the public API never produces: garbage in a slot, a
 * corrupted checksum, an unknown type, an undecodable payload, an expired deadline. Each gets an
 * error reply that says why, is counted, and the kernel keeps serving.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class SpiConformanceSuite {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private SpiHarness harness;

    /** @return the backend under test */
    protected abstract Backend backend();

    /** @return the index of the device under test within the backend; 0, its first, by default */
    protected int device() {
        return 0;
    }

    /** Launches the conformance kernel through the SPI, or skips if the backend cannot run here. */
    @BeforeEach
    void launch() {
        BackendPresence.require(backend());
        harness = new SpiHarness(backend(), device());
    }

    /** Terminates the kernel and closes the context. */
    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private static HeaderFields ping(long messageId, int payloadLength, long deadline) {
        return new HeaderFields(messageId, 0, HybridLogicalClock.system(0).tick(), deadline, 0, 1,
                ConformanceKernel.PING_TYPE, payloadLength, (short) 0, (byte) 0);
    }

    private void sendPing(long messageId) {
        ByteBuffer payload = harness.encode(new Ping(messageId, 0));
        harness.write(ping(messageId, payload.remaining(), 0), payload);
    }

    private static ErrorCode errorCode(SpiHarness.OutputRecord record) {
        assertThat(record.messageType()).isEqualTo(ERROR_TYPE);
        return ErrorPayload.decode(record.payload(), 0, record.payload().remaining()).code();
    }

    @Test
    void shouldRejectGarbageInASlotCountItAndKeepServing() {
        Random random = new Random(42);
        int garbageRecords = 20;
        for (int i = 0; i < garbageRecords; i++) {
            byte[] garbage = new byte[56 + random.nextInt(200)];
            random.nextBytes(garbage);
            garbage[55] = (byte) (garbage[55] == 1 ? 2 : garbage[55]);
            harness.writeGarbage(garbage);
            sendPing(i + 1);
        }
        List<SpiHarness.OutputRecord> records = harness.awaitOutput(2 * garbageRecords, WAIT);
        assertThat(records).hasSize(2 * garbageRecords);
        for (int i = 0; i < garbageRecords; i++) {
            assertThat(errorCode(records.get(2 * i))).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
            SpiHarness.OutputRecord echo = records.get(2 * i + 1);
            assertThat(echo.messageType()).isEqualTo(ConformanceKernel.PING_TYPE);
            assertThat(echo.correlationId()).isEqualTo(i + 1);
            assertThat(echo.problem()).isNull();
        }
        assertThat(harness.telemetry().dropped()).isEqualTo(garbageRecords);
        assertThat(harness.telemetry().processed()).isEqualTo(garbageRecords);
        assertThat(harness.failures()).isEmpty();
    }

    @Test
    void shouldKeepWhatIsQueuedAcrossAHotSwapAndServeWithTheNewCode() {
        sendPing(1);
        assertThat(harness.awaitOutput(1, WAIT)).hasSize(1);
        harness.deactivate();
        for (long id = 2; id <= 11; id++) {
            sendPing(id);
        }
        assertThat(harness.awaitOutput(1, Duration.ofMillis(200))).as("deactivated: nothing is processed").isEmpty();

        harness.swap();

        List<SpiHarness.OutputRecord> records = harness.awaitOutput(10, WAIT);
        assertThat(records).extracting(SpiHarness.OutputRecord::correlationId)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(records).allSatisfy(record -> assertThat(record.messageType()).isEqualTo(ConformanceKernel.PING_TYPE));
        assertThat(harness.failures()).isEmpty();
    }

    @Test
    void shouldServeOnWhenOnlyThePaddingBeforeAMessageIsCommittedYet() {
        int pings = SpiHarness.CAPACITY - 4;
        for (int id = 1; id <= pings; id++) {
            sendPing(id);
        }
        assertThat(harness.awaitOutput(pings, WAIT)).hasSize(pings);
        ByteBuffer payload = harness.encode(new Blob(new byte[600]));
        long position = harness.writeUncommitted(new HeaderFields(100, 0, 0, 0, 0, 1, ConformanceKernel.BLOB_TYPE,
                payload.remaining(), (short) 0, (byte) 0), payload);
        assertThat(position % SpiHarness.CAPACITY).as("the blob wraps around the ring's end").isZero();

        assertThat(harness.awaitOutput(1, Duration.ofMillis(200))).as("the padding alone, woken often").isEmpty();
        harness.commit(position, payload.remaining());

        List<SpiHarness.OutputRecord> echo = harness.awaitOutput(1, WAIT);
        assertThat(echo).singleElement().satisfies(record -> {
            assertThat(record.messageType()).isEqualTo(ConformanceKernel.BLOB_TYPE);
            assertThat(record.correlationId()).isEqualTo(100);
            assertThat(record.payload()).isEqualTo(payload);
        });
        assertThat(harness.failures()).isEmpty();
    }

    @Test
    void shouldRejectAMessageWhoseChecksumDoesNotMatch() {
        ByteBuffer payload = harness.encode(new Ping(5, 0));
        HeaderFields fields = ping(1, payload.remaining(), 0);
        ByteBuffer corrupted = ByteBuffer.allocate(payload.remaining());
        corrupted.put(payload.duplicate()).flip();
        harness.write(fields, payload);
        List<SpiHarness.OutputRecord> ok = harness.awaitOutput(1, WAIT);
        assertThat(ok).singleElement().satisfies(record -> assertThat(record.problem()).isNull());
        harness.writeCorrupted(fields, corrupted);
        assertThat(errorCode(harness.awaitOutput(1, WAIT).get(0))).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        sendPing(2);
        assertThat(harness.awaitOutput(1, WAIT).get(0).correlationId()).isEqualTo(2);
    }

    @Test
    void shouldAnswerAnUnknownMessageTypeWithAnError() {
        ByteBuffer payload = harness.encode(new Ping(5, 0));
        harness.write(new HeaderFields(1, 0, 0, 0, 0, 1, 77, payload.remaining(), (short) 0, (byte) 0), payload);
        SpiHarness.OutputRecord record = harness.awaitOutput(1, WAIT).get(0);
        assertThat(errorCode(record)).isEqualTo(ErrorCode.UNKNOWN_MESSAGE_TYPE);
        assertThat(record.correlationId()).isEqualTo(1);
        sendPing(2);
        assertThat(harness.awaitOutput(1, WAIT).get(0).messageType()).isEqualTo(ConformanceKernel.PING_TYPE);
    }

    @Test
    void shouldAnswerAnUndecodablePayloadWithAnError() {
        ByteBuffer tooShort = ByteBuffer.wrap(new byte[] {1, 2, 3});
        harness.write(ping(1, 3, 0), tooShort);
        assertThat(errorCode(harness.awaitOutput(1, WAIT).get(0))).isEqualTo(ErrorCode.DESERIALIZATION_FAILED);
        sendPing(2);
        assertThat(harness.awaitOutput(1, WAIT).get(0).correlationId()).isEqualTo(2);
    }

    @Test
    void shouldAnswerAnExpiredDeadlineWithAnError() {
        ByteBuffer payload = harness.encode(new Ping(5, 0));
        long past = HybridLogicalClock.pack(1, 0);
        harness.write(ping(1, payload.remaining(), past), payload);
        assertThat(errorCode(harness.awaitOutput(1, WAIT).get(0))).isEqualTo(ErrorCode.DEADLINE_EXPIRED);
        ByteBuffer again = harness.encode(new Ping(6, 0));
        long future = HybridLogicalClock.pack(System.currentTimeMillis() + 60_000, 0);
        harness.write(ping(2, again.remaining(), future), again);
        assertThat(harness.awaitOutput(1, WAIT).get(0).messageType()).isEqualTo(ConformanceKernel.PING_TYPE);
    }
}
