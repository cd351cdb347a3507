package io.ringkernel.runtime.internal;

import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAG_CALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    /**
     * A kernel that stops drains with drainAll before it fails its waiting calls: drainAll waits
     * for another thread's drain (here held up in a reply's callback) and then hands on what was
     * committed meanwhile, so that reply reaches its call instead of arriving late.
     */
    @Test
    void shouldDrainAllOnlyAfterADrainInProgressAndHandOnWhatItLeft() throws Exception {
        CountDownLatch inCallback = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> first = pending.register(7, catalog.current());
        first.thenRun(() -> {
            inCallback.countDown();
            await(release);
        });
        CompletableFuture<Object> second = pending.register(8, catalog.current());
        reply(7, new Ping(7, 1));
        Thread drainer = new Thread(dispatcher::drain);
        drainer.start();
        assertThat(inCallback.await(10, TimeUnit.SECONDS)).isTrue();
        reply(8, new Ping(8, 1));

        CompletableFuture<Void> drainAll = CompletableFuture.runAsync(dispatcher::drainAll);
        Thread.sleep(100);
        boolean waitedForTheOtherDrain = !drainAll.isDone();
        release.countDown();
        drainAll.get(10, TimeUnit.SECONDS);
        drainer.join(10_000);

        assertThat(waitedForTheOtherDrain).as("drainAll waits while another thread drains").isTrue();
        assertThat(second).isCompletedWithValue(new Ping(8, 1));
        assertThat(dispatcher.lateReplies()).isZero();
    }

    @Test
    void shouldReturnFromDrainAllCalledWithinItsOwnDrain() {
        CompletableFuture<Object> call = pending.register(7, catalog.current());
        CompletableFuture<Void> nested = call.thenRun(dispatcher::drainAll);
        reply(7, new Ping(7, 1));

        assertTimeoutPreemptively(Duration.ofSeconds(10), dispatcher::drain);

        assertThat(nested).isCompleted();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reply(long correlationId, Ping ping) {
        ByteBuffer payload = catalog.current().codec(ConformanceKernel.PING_TYPE).encode(ping);
        MessageWriter.tryWrite(output, new HeaderFields(1, correlationId, 0, 0, 0, 0, ConformanceKernel.PING_TYPE,
                payload.remaining(), FLAG_CALL, (byte) 0), payload);
    }
}
