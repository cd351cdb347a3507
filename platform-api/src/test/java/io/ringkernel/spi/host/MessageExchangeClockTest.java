package io.ringkernel.spi.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.Dim3;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ControlBlockDescriptor;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.protocol.TelemetryDescriptor;
import io.ringkernel.protocol.TestMemory;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.KernelSignals;
import org.junit.jupiter.api.Test;

/** What a backend whose device takes requests unscreened tells the exchange: the timestamps its device saw. */
class MessageExchangeClockTest {
    private final ControlBlock controlBlock = new ControlBlock(TestMemory.aligned(ControlBlockDescriptor.LENGTH), 0);
    private final MessageExchange exchange = exchange();

    @Test
    void shouldMoveTheKernelsClockPastATimestampItsDeviceSaw() {
        long ahead = HybridLogicalClock.pack(System.currentTimeMillis() + 5_000, 7);

        exchange.observe(ahead);

        assertThat(controlBlock.clock()).isGreaterThan(ahead);
    }

    @Test
    void shouldLeaveTheClockAloneWhenTheDeviceSawNoTimestamp() {
        long before = controlBlock.clock();

        exchange.observe(0);

        assertThat(controlBlock.clock()).isEqualTo(before);
    }

    @Test
    void shouldRejectAnUnknownTypeAsTheScreenDoes() {
        MessageExchange.Rejection rejection = MessageExchange.unknownType(42);

        assertThat(rejection.code()).isEqualTo(ErrorCode.UNKNOWN_MESSAGE_TYPE);
        assertThat(rejection.detail()).isEqualTo("no handler for message type 42");
    }

    private MessageExchange exchange() {
        ManyToOneSlotRing input = TestMemory.ring(2, 64);
        ManyToOneSlotRing output = TestMemory.ring(2, 64);
        controlBlock.initialise(1, input, output, input.maxPayload(), false);
        Telemetry telemetry = new Telemetry(TestMemory.aligned(TelemetryDescriptor.LENGTH), 0);
        return new MessageExchange(new KernelResources("clock", 1, LaunchMode.PERSISTENT, Dim3.ONE, Dim3.ONE,
                controlBlock, telemetry, input, output, new KernelSignals() {
                    @Override
                    public void outputCommitted() {
                        // observing writes no replies
                    }

                    @Override
                    public void failed(Throwable cause) {
                        throw new AssertionError("observing reported a failure", cause);
                    }
                }));
    }
}
