package io.ringkernel.backend.cuda;

import static io.ringkernel.protocol.MessageHeaderDescriptor.COMMIT_OFFSET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.Dim3;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ControlBlockDescriptor;
import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageWriter;
import io.ringkernel.protocol.RingDescriptor;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.protocol.TelemetryDescriptor;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.KernelSignals;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageType;
import io.ringkernel.spi.host.MessageExchange;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The host's screen of records a PERSISTENT CUDA loop waits at, on real rings in host memory (no GPU). */
class WaitingRecordScreenTest {
    private static final int SLOT = 128;
    private final ManyToOneSlotRing input = ring(16);
    private final ManyToOneSlotRing output = ring(16);
    private final MessageCodec ping = new FixedLayoutSerializer()
            .codecFor(MessageType.of(ConformanceKernel.PING_TYPE, Ping.class, MessageType.FIXED_LAYOUT));
    private final Map<Integer, MessageCodec> codecs = Map.of(ConformanceKernel.PING_TYPE, ping);
    private final WaitingRecordScreen screen = new WaitingRecordScreen(input, exchange(), 2 * SLOT, SLOT);

    @Test
    void shouldAdmitSoundRecordsAndRejectOthersMarkingEachCommitWord() {
        long sound = write(ConformanceKernel.PING_TYPE, ping.encode(new Ping(1, 2)), false);
        long unknown = write(99, ping.encode(new Ping(3, 4)), false);
        long shapeless = write(ConformanceKernel.PING_TYPE, ByteBuffer.allocate(3), false);

        assertThat(screen.screenFrom(sound, codecs)).isEqualTo(3);

        assertThat(commit(sound) & ~RingDescriptor.COMMIT_END_MASK).isEqualTo(RingDescriptor.COMMIT_ADMITTED);
        assertThat(commit(unknown) & ~RingDescriptor.COMMIT_END_MASK).isEqualTo(RingDescriptor.COMMIT_REJECTED);
        assertThat(commit(shapeless) & ~RingDescriptor.COMMIT_END_MASK).isEqualTo(RingDescriptor.COMMIT_REJECTED);
        assertThat(commit(sound) & RingDescriptor.COMMIT_END_MASK).isEqualTo(sound + 1);
        assertThat(screen.refusal(unknown).code()).isEqualTo(ErrorCode.UNKNOWN_MESSAGE_TYPE);
        assertThat(screen.refusal(shapeless).code()).isEqualTo(ErrorCode.DESERIALIZATION_FAILED);
        assertThat(screen.screenedUpTo()).isEqualTo(shapeless);
    }

    @Test
    void shouldStopAtARecordTheDeviceMayTakeByItselfAndAtTheFirstUncommittedOne() {
        long raw = write(ConformanceKernel.PING_TYPE, ping.encode(new Ping(1, 2)), false);
        long admitted = write(ConformanceKernel.PING_TYPE, ping.encode(new Ping(3, 4)), true);
        long after = write(99, ping.encode(new Ping(5, 6)), false);

        assertThat(screen.screenFrom(raw, codecs)).isEqualTo(1);
        assertThat(commit(after) & ~RingDescriptor.COMMIT_END_MASK).as("past an admitted record").isZero();
        assertThat(commit(admitted) & ~RingDescriptor.COMMIT_END_MASK).isEqualTo(RingDescriptor.COMMIT_ADMITTED);

        assertThat(screen.screenFrom(after, codecs)).isEqualTo(1);
        assertThat(screen.screenFrom(after + 1, codecs)).as("nothing committed there").isZero();
    }

    @Test
    void shouldScreenAPositionOnceWhateverTheDeviceStillSays() {
        long raw = write(ConformanceKernel.PING_TYPE, ping.encode(new Ping(1, 2)), false);
        assertThat(screen.screenFrom(raw, codecs)).isEqualTo(1);
        assertThat(screen.screenFrom(raw, codecs)).isZero();
    }

    @Test
    void shouldRejectARecordLargerThanTheDeviceStagesNamingTheMaximum() {
        long large = write(ConformanceKernel.PING_TYPE, ByteBuffer.allocate(3 * SLOT), false);

        screen.screenFrom(large, codecs);

        MessageExchange.Rejection rejection = screen.refusal(large);
        assertThat(rejection.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
        assertThat(rejection.detail()).contains("exceeds the kernel's maximum of " + SLOT);
    }

    @Test
    void shouldNameARefusalItNeverMadeAndForgetAbandonedOnes() {
        long unknown = write(99, ping.encode(new Ping(1, 2)), false);
        screen.screenFrom(unknown, codecs);
        screen.forget(unknown);

        assertThatThrownBy(() -> screen.refusal(unknown)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ring position " + unknown);
    }

    private long write(int type, ByteBuffer payload, boolean admitted) {
        long now = HybridLogicalClock.pack(System.currentTimeMillis(), 0);
        HeaderFields fields = new HeaderFields(1, 0, now, 0, 0, 1, type, payload.remaining(), (short) 0, (byte) 0);
        long position = MessageWriter.tryWrite(input, fields, payload, admitted);
        assertThat(position).isNotEqualTo(ManyToOneSlotRing.INSUFFICIENT_CAPACITY);
        return position;
    }

    private long commit(long position) {
        return input.buffer().getLong(input.offset(position) + COMMIT_OFFSET);
    }

    private MessageExchange exchange() {
        ControlBlock controlBlock = new ControlBlock(aligned(ControlBlockDescriptor.LENGTH), 0);
        controlBlock.initialise(1, input, output, input.maxPayload(), false);
        Telemetry telemetry = new Telemetry(aligned(TelemetryDescriptor.LENGTH), 0);
        return new MessageExchange(new KernelResources("screen", 1, LaunchMode.PERSISTENT, Dim3.ONE, Dim3.ONE,
                controlBlock, telemetry, input, output, new NoSignals()));
    }

    private static ManyToOneSlotRing ring(int capacity) {
        return new ManyToOneSlotRing(aligned(RingDescriptor.requiredBytes(capacity, SLOT)), capacity, SLOT);
    }

    private static ByteBuffer aligned(long bytes) {
        int rounded = (int) (bytes + RingDescriptor.ALIGNMENT - 1) & -RingDescriptor.ALIGNMENT;
        return ByteBuffer.allocateDirect(rounded + 2 * RingDescriptor.ALIGNMENT).alignedSlice(RingDescriptor.ALIGNMENT);
    }

    private static final class NoSignals implements KernelSignals {
        @Override
        public void outputCommitted() {
        }

        @Override
        public void failed(Throwable cause) {
        }
    }
}
