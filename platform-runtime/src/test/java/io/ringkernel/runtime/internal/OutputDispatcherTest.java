package io.ringkernel.runtime.internal;

import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAG_CALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import io.ringkernel.conformance.fuzz.SlotCases;
import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageWriter;
import io.ringkernel.protocol.RingDescriptor;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.host.HostBuffer;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host side of an output ring hands each reply to its call or counts it as late: none is lost. */
class OutputDispatcherTest {
    private static final int CAPACITY = 16;
    private static final int SLOT_SIZE = 128;
    private final HostBuffer memory = new HostBuffer(RingDescriptor.requiredBytes(CAPACITY, SLOT_SIZE),
            RingDescriptor.ALIGNMENT);
    private final ManyToOneSlotRing output = new ManyToOneSlotRing(memory.hostView(), CAPACITY, SLOT_SIZE);
    private final MessageCatalog catalog = new MessageCatalog(new KernelProgram(new ConformanceKernel(),
            SlotCases.codecs()));
    private final PendingCalls pending = new PendingCalls();
    private final OutputDispatcher dispatcher = new OutputDispatcher("k", output, catalog, pending, new LatencyTracker(),
            HybridLogicalClock.system(0), () -> { });

    @AfterEach
    void free() {
        memory.close();
    }

    @Test
    void shouldCompleteTheCallThatWaitsForAReply() {
        CompletableFuture<Object> call = pending.register(7, catalog.current());

        reply(7, new Ping(7, 1));
        dispatcher.drain();

        assertThat(call).isCompletedWithValue(new Ping(7, 1));
        assertThat(dispatcher.lateReplies()).isZero();
    }

    @Test
    void shouldCountAReplyAsLateWhenTheCallTimedOutButStillWaits() {
        // The call's timeout completes its future before the call leaves the waiting calls.
        CompletableFuture<Object> call = pending.register(7, catalog.current());
        call.completeExceptionally(new TimeoutException());

        reply(7, new Ping(7, 1));
        dispatcher.drain();

        assertThat(dispatcher.lateReplies()).isEqualTo(1);
        assertThat(dispatcher.messagesOut()).isEqualTo(1);
        assertThat(pending.remove(7)).isNull();
    }

    private void reply(long correlationId, Ping ping) {
        ByteBuffer payload = catalog.current().codec(ConformanceKernel.PING_TYPE).encode(ping);
        MessageWriter.tryWrite(output, new HeaderFields(1, correlationId, 0, 0, 0, 0, ConformanceKernel.PING_TYPE,
                payload.remaining(), FLAG_CALL, (byte) 0), payload);
    }
}
