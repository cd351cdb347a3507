package io.ringkernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.BatchQueueFullException;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.IllegalKernelStateException;
import io.ringkernel.api.KernelAlreadyExistsException;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelNotFoundException;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.KernelTimeoutException;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.MessageTooLargeException;
import io.ringkernel.api.QueueFullException;
import io.ringkernel.api.ReceivedMessage;
import io.ringkernel.api.SerializationException;
import io.ringkernel.codec.FixedLayout;
import io.ringkernel.spi.Backend;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every backend must do, through the public API. A backend passes it with a subclass that
 * names its {@link Backend}; where that backend cannot run on this machine, every test is skipped
 * with the backend's own reason. {@link SpiConformanceSuite} covers what only the SPI can reach.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class BackendConformanceSuite extends RuntimeOnBackend {
    /** How long a test waits for a reply it expects. */
    protected static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    /** @param id a kernel id @return the conformance kernel launched and active under that id */
    protected KernelHandle launch(String id) {
        return runtime.launch(id, LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));
    }

    @Test
    void shouldRunOnTheBackendUnderTest() {
        assertThat(runtime.defaultBackend()).isEqualTo(backend().type());
        assertThat(launch("k").metrics().backend()).isEqualTo(backend().type());
    }

    @Test
    void shouldExposeTheMessageTypesOfItsDefinition() {
        assertThat(launch("k").messageTypes()).isEqualTo(new ConformanceKernel().messageTypes());
    }

    @Test
    void shouldBeActiveAfterLaunchWithAutoActivate() {
        assertThat(launch("k").status()).isEqualTo(KernelStatus.ACTIVE);
        assertThat(runtime.listKernels()).containsExactly("k");
    }

    @Test
    void shouldQueueMessagesWhileLaunchedAndProcessThemOnActivation() {
        KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                .withAutoActivate(false));
        assertThat(kernel.status()).isEqualTo(KernelStatus.LAUNCHED);
        kernel.send(new Ping(1, 0));
        assertThat(kernel.tryReceive()).isEmpty();
        kernel.activate();
        assertThat(kernel.receive(REPLY_TIMEOUT).payload(Ping.class)).isEqualTo(new Ping(1, 0));
    }

    @Test
    void shouldWalkTheLifecycle() {
        KernelHandle kernel = launch("k");
        kernel.deactivate();
        assertThat(kernel.status()).isEqualTo(KernelStatus.DEACTIVATED);
        kernel.send(new Ping(7, 0));
        kernel.activate();
        assertThat(kernel.receive(REPLY_TIMEOUT).payload(Ping.class).sequence()).isEqualTo(7);
        kernel.terminate();
        assertThat(kernel.status()).isEqualTo(KernelStatus.TERMINATED);
        assertThat(runtime.status("k")).isEqualTo(KernelStatus.TERMINATED);
    }

    @Test
    void shouldRejectAnIllegalTransitionNamingBothStates() {
        KernelHandle kernel = launch("k");
        assertThatThrownBy(kernel::activate).isInstanceOf(IllegalKernelStateException.class)
                .hasMessageContaining("ACTIVE to ACTIVE").hasMessageContaining("'k'");
        kernel.terminate();
        assertThatThrownBy(kernel::deactivate).isInstanceOf(IllegalKernelStateException.class)
                .hasMessageContaining("TERMINATED to DEACTIVATED");
    }

    @Test
    void shouldTreatASecondTerminateAsDone() {
        KernelHandle kernel = launch("k");
        kernel.terminate();
        kernel.terminate();
        assertThat(kernel.status()).isEqualTo(KernelStatus.TERMINATED);
    }

    @Test
    void shouldRejectUnknownKernelsAndDefinitions() {
        assertThatThrownBy(() -> runtime.kernel("missing")).isInstanceOf(KernelNotFoundException.class)
                .hasMessageContaining("no kernel with id 'missing'");
        assertThatThrownBy(() -> runtime.send("missing", new Ping(1, 0))).isInstanceOf(KernelNotFoundException.class);
        assertThatThrownBy(() -> runtime.launch("nowhere", LaunchOptions.defaults()))
                .isInstanceOf(KernelNotFoundException.class).hasMessageContaining("kernel definition with id 'nowhere'");
    }

    @Test
    void shouldRejectASecondLaunchUnderALiveIdAndAllowItAfterTermination() {
        launch("k");
        assertThatThrownBy(() -> launch("k")).isInstanceOf(KernelAlreadyExistsException.class)
                .hasMessageContaining("'k' already exists and is ACTIVE");
        runtime.terminate("k");
        assertThat(launch("k").call(new Ping(1, 0), Ping.class, REPLY_TIMEOUT)).isEqualTo(new Ping(1, 0));
    }

    @Test
    void shouldRejectSendAfterTerminate() {
        KernelHandle kernel = launch("k");
        kernel.terminate();
        assertThatThrownBy(() -> kernel.send(new Ping(1, 0))).isInstanceOf(IllegalKernelStateException.class)
                .hasMessageContaining("cannot send to kernel 'k': it is TERMINATED");
        assertThatThrownBy(() -> kernel.sendAll(List.of(new Ping(1, 0)))).isInstanceOf(IllegalKernelStateException.class)
                .hasMessageContaining("cannot send to kernel 'k': it is TERMINATED");
    }

    @Test
    void shouldAnswerACall() {
        assertThat(launch("k").call(new Ping(42, 3), Ping.class, REPLY_TIMEOUT)).isEqualTo(new Ping(42, 3));
    }

    @Test
    void shouldTakeATimeoutTooLongForNanosecondsAsNoTimeout() {
        KernelHandle kernel = launch("k");
        Duration centuries = ChronoUnit.FOREVER.getDuration();

        assertThat(kernel.call(new Ping(8, 1), Ping.class, centuries)).isEqualTo(new Ping(8, 1));
        kernel.send(new Ping(9, 1));
        assertThat(kernel.receive(centuries).payload(Ping.class)).isEqualTo(new Ping(9, 1));
        assertThat(kernel.metrics().lateReplies()).isZero();
    }

    @Test
    void shouldAnswerTheAsyncForms() throws Exception {
        KernelHandle kernel = launch("k");
        assertThat(kernel.callAsync(new Ping(5, 0), REPLY_TIMEOUT).get(10, TimeUnit.SECONDS)).isEqualTo(new Ping(5, 0));
        long id = kernel.sendAsync(new Ping(6, 0)).get(10, TimeUnit.SECONDS);
        ReceivedMessage reply = kernel.receiveAsync(REPLY_TIMEOUT).get(10, TimeUnit.SECONDS);
        assertThat(reply.payload(Ping.class)).isEqualTo(new Ping(6, 0));
        assertThat(reply.correlationId()).isEqualTo(id);
        assertThat(reply.messageType()).isEqualTo(ConformanceKernel.PING_TYPE);
    }

    @Test
    void shouldEchoPayloadsThatSpanManySlots() {
        KernelHandle kernel = launch("k");
        for (int size : new int[] {0, 1, 63, 64, 65, 1000, 4096, 65_000}) {
            byte[] data = new byte[size];
            for (int i = 0; i < size; i++) {
                data[i] = (byte) (i * 31 + size);
            }
            assertThat(kernel.call(new Blob(data), Blob.class, REPLY_TIMEOUT).data()).as("%d bytes", size).isEqualTo(data);
        }
    }

    @Test
    void shouldDeliverRepliesToSendsInOrder() {
        KernelHandle kernel = launch("k");
        int count = 2_000;
        List<Long> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            kernel.send(new Ping(i, 0));
            kernel.tryReceive().ifPresent(message -> received.add(message.payload(Ping.class).sequence()));
        }
        while (received.size() < count) {
            received.add(kernel.receive(REPLY_TIMEOUT).payload(Ping.class).sequence());
        }
        for (int i = 0; i < count; i++) {
            assertThat(received.get(i)).isEqualTo(i);
        }
    }

    /**
     * A reply that finds the inbox and the output ring full waits on the host, even the last one
     * the kernel writes, and arrives once the reader makes room, with nothing more sent.
     */
    @Test
    void shouldDeliverTheLastReplyThatWaitedForRoomOnceTheReaderCatchesUp() throws Exception {
        KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                .withInputCapacity(256).withOutputCapacity(16).withMaxMessageSize(512));
        int count = 33; // 16 fill the inbox, 16 the output ring, and the last reply waits on the host
        for (int i = 0; i < count; i++) {
            kernel.send(new Ping(i, 0));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((kernel.metrics().processed() < count || kernel.metrics().outputDepth() < 16)
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        Thread.sleep(20); // the last reply is written, or parked, just after it is counted
        for (int i = 0; i < count; i++) {
            assertThat(kernel.receive(REPLY_TIMEOUT).payload(Ping.class).sequence()).isEqualTo(i);
        }
    }

    @Test
    void shouldAnswerEveryMessageOfABatchInOrderUnderConsecutiveIds() {
        // a 64-slot queue takes runs of at most 16 one-slot Pings: 32 runs, and the batch waits for room
        KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                .withInputCapacity(64).withMaxMessageSize(512));
        int count = 500;

        long first = kernel.sendAll(pings(count));

        for (int i = 0; i < count; i++) {
            ReceivedMessage reply = kernel.receive(REPLY_TIMEOUT);
            assertThat(reply.payload(Ping.class)).as("reply %d", i).isEqualTo(new Ping(i, 5));
            assertThat(reply.correlationId()).as("correlation id of reply %d", i).isEqualTo(first + i);
        }
        assertThat(kernel.send(new Ping(-1, 0))).as("the id after the batch's").isEqualTo(first + count);
        assertThat(kernel.receive(REPLY_TIMEOUT).payload(Ping.class)).isEqualTo(new Ping(-1, 0));
        assertThat(kernel.tryReceive()).isEmpty();
        KernelMetrics metrics = kernel.metrics();
        assertThat(metrics.messagesIn()).isEqualTo(count + 1);
        assertThat(metrics.processed()).isEqualTo(count + 1);
        assertThat(metrics.messagesOut()).isEqualTo(count + 1);
        assertThat(runtime.sendAll("k", List.of(new Ping(1, 1), new Ping(2, 1)))).isEqualTo(first + count + 1);
        assertThat(kernel.receive(REPLY_TIMEOUT).correlationId()).isEqualTo(first + count + 1);
        assertThat(kernel.receive(REPLY_TIMEOUT).correlationId()).isEqualTo(first + count + 2);
    }

    @Test
    void shouldAnswerEveryEncodedMessageInOrderUnderConsecutiveIds() {
        KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                .withInputCapacity(64).withMaxMessageSize(512));
        int count = 300;
        FixedLayout layout = FixedLayout.of(Ping.class);
        ByteBuffer payloads = ByteBuffer.allocate(count * layout.fixedLength());
        for (int i = 0; i < count; i++) {
            layout.encode(new Ping(i, 7), payloads, i * layout.fixedLength());
        }

        long first = kernel.sendEncoded(Ping.class, payloads, count);

        for (int i = 0; i < count; i++) {
            ReceivedMessage reply = kernel.receive(REPLY_TIMEOUT);
            assertThat(reply.payload(Ping.class)).as("reply %d", i).isEqualTo(new Ping(i, 7));
            assertThat(reply.correlationId()).as("correlation id of reply %d", i).isEqualTo(first + i);
        }
        assertThat(payloads.remaining()).as("the buffer is not consumed").isEqualTo(count * layout.fixedLength());
        assertThat(kernel.metrics().messagesIn()).isEqualTo(count);
        assertThat(runtime.sendEncoded("k", Ping.class, payloads.slice(0, layout.fixedLength()), 1)).isEqualTo(first + count);
        assertThat(kernel.receive(REPLY_TIMEOUT).payload(Ping.class)).isEqualTo(new Ping(0, 7));
    }

    @Test
    void shouldRefuseEncodedMessagesThatAreNotTheKernelsOrDoNotCheckQueueingNone() {
        KernelHandle kernel = launch("k");
        FixedLayout blobs = FixedLayout.of(Blob.class);
        Blob blob = new Blob(new byte[8]);
        int length = blobs.encodedLength(blob);
        ByteBuffer payloads = ByteBuffer.allocate(4 * length);
        for (int i = 0; i < 4; i++) {
            blobs.encode(blob, payloads, i * length);
        }
        payloads.putInt(2 * length + blobs.fixedLength() - Integer.BYTES, 1_000); // payload 2's array claims 1,000 bytes

        assertThatThrownBy(() -> kernel.sendEncoded(Blob.class, payloads, 4)).isExactlyInstanceOf(SerializationException.class)
                .hasMessageStartingWith("message at index 2 of a batch of 4: ").hasMessageContaining(Blob.class.getName());
        assertThatThrownBy(() -> kernel.sendEncoded(String.class, payloads, 4)).isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("no message type for java.lang.String");
        assertThatThrownBy(() -> kernel.sendEncoded(null, payloads, 4)).isExactlyInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> kernel.sendEncoded(Blob.class, ByteBuffer.allocate(70_000), 1))
                .isExactlyInstanceOf(MessageTooLargeException.class);
        assertThatThrownBy(() -> kernel.sendEncoded(Ping.class, ByteBuffer.allocate(10), 3))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 bytes for 3 message(s)");
        assertThatThrownBy(() -> kernel.sendEncoded(Ping.class, ByteBuffer.allocate(0), 0))
                .isExactlyInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> kernel.sendEncoded(Ping.class, null, 1)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no buffer");
        assertThat(kernel.metrics().messagesIn()).as("nothing queued").isZero();
        assertThat(kernel.call(new Ping(9, 9), Ping.class, REPLY_TIMEOUT)).isEqualTo(new Ping(9, 9));
    }

    @Test
    void shouldRefuseAWholeBatchWithAMessageOfNoTypeOfTheKernelNamingItsIndex() {
        KernelHandle kernel = launch("k");
        List<Object> unknownAtThree = new ArrayList<>(pings(5));
        unknownAtThree.set(3, "text");
        List<Object> nullAtOne = new ArrayList<>(pings(2));
        nullAtOne.set(1, null);

        assertThatThrownBy(() -> kernel.sendAll(unknownAtThree)).isExactlyInstanceOf(SerializationException.class)
                .hasMessage("message at index 3 of a batch of 5: kernel 'k' has no message type for java.lang.String;"
                        + " it accepts [" + Blob.class.getName() + ", " + Fail.class.getName() + ", "
                        + Ping.class.getName() + "]");
        assertThatThrownBy(() -> kernel.sendAll(nullAtOne)).isExactlyInstanceOf(SerializationException.class)
                .hasMessage("message at index 1 of a batch of 2: cannot send null to kernel 'k'");
        assertNothingQueued(kernel);
    }

    @Test
    void shouldRefuseAWholeBatchWithAMessageLargerThanTheMaximumNamingItsIndex() {
        KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                .withMaxMessageSize(1_024));
        Blob tooLarge = new Blob(new byte[2_000]);
        Throwable alone = catchThrowable(() -> kernel.send(tooLarge));

        assertThat(alone).isExactlyInstanceOf(MessageTooLargeException.class).hasMessageContaining("kernel 'k'")
                .hasMessageEndingWith("maximum message size is 1024 bytes");
        assertThatThrownBy(() -> kernel.sendAll(List.of(new Ping(0, 0), tooLarge, new Blob(new byte[900]))))
                .isExactlyInstanceOf(MessageTooLargeException.class)
                .hasMessage("message at index 1 of a batch of 3: " + alone.getMessage());
        assertNothingQueued(kernel);
    }

    @Test
    void shouldRefuseAnEmptyOrNullBatch() {
        KernelHandle kernel = launch("k");

        assertThatThrownBy(() -> kernel.sendAll(List.of())).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch for kernel 'k' needs at least one message, got an empty list");
        assertThatThrownBy(() -> kernel.sendAll(null)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch for kernel 'k' needs at least one message, got null");
        assertNothingQueued(kernel);
    }

    @Test
    void shouldQueueAsMuchOfABatchAsFitsAndSaySoWhenTheQueueStaysFull() {
        // 16 slots take four runs of four one-slot Pings; the fifth run finds no room
        KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                .withQueueCapacity(16).withMaxMessageSize(512));
        kernel.deactivate();
        long start = System.nanoTime();

        Throwable thrown = catchThrowable(() -> kernel.sendAll(pings(40)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(thrown).isExactlyInstanceOf(BatchQueueFullException.class);
        BatchQueueFullException full = (BatchQueueFullException) thrown;
        long first = full.firstMessageId();
        assertThat(full).hasMessage("the input queue of kernel 'k' (16 slots) stayed full for 200 ms; 16 of 40 messages"
                + " of the batch were queued (ids " + first + ".." + (first + 15) + "), the rest were not");
        assertThat(full.queued()).isEqualTo(16);
        assertThat(full.batchSize()).isEqualTo(40);
        assertThat(kernel.metrics().messagesIn()).isEqualTo(16);
        kernel.activate();
        for (int i = 0; i < 16; i++) {
            ReceivedMessage reply = kernel.receive(REPLY_TIMEOUT);
            assertThat(reply.payload(Ping.class)).isEqualTo(new Ping(i, 5));
            assertThat(reply.correlationId()).isEqualTo(first + i);
        }
        assertThat(kernel.call(new Ping(99, 0), Ping.class, REPLY_TIMEOUT)).isEqualTo(new Ping(99, 0));
        assertThat(kernel.tryReceive()).isEmpty();
        assertThat(kernel.metrics().messagesIn()).isEqualTo(17);
    }

    /** @param count how many @return Pings numbered from 0, from sender 5 */
    private static List<Ping> pings(int count) {
        List<Ping> pings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pings.add(new Ping(i, 5));
        }
        return pings;
    }

    /** Checks that a call is the only message the kernel has had: nothing of a refused batch reached it. */
    private static void assertNothingQueued(KernelHandle kernel) {
        assertThat(kernel.metrics().messagesIn()).isZero();
        assertThat(kernel.call(new Ping(77, 0), Ping.class, REPLY_TIMEOUT)).isEqualTo(new Ping(77, 0));
        assertThat(kernel.tryReceive()).isEmpty();
        assertThat(kernel.metrics().messagesIn()).isEqualTo(1);
        assertThat(kernel.metrics().processed()).isEqualTo(1);
    }

    @Test
    void shouldGiveEveryConcurrentCallerItsOwnReply() throws Exception {
        KernelHandle kernel = launch("k");
        int threads = 8;
        int callsEach = 500;
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int sender = t;
                results.add(callers.submit(() -> {
                    for (int i = 0; i < callsEach; i++) {
                        Ping reply = kernel.call(new Ping(i, sender), Ping.class, REPLY_TIMEOUT);
                        assertThat(reply).isEqualTo(new Ping(i, sender));
                    }
                    return callsEach;
                }));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get();
            }
            KernelMetrics metrics = kernel.metrics();
            assertThat(total).isEqualTo(threads * callsEach);
            assertThat(metrics.messagesIn()).isEqualTo(total);
            assertThat(metrics.processed()).isEqualTo(total);
            assertThat(metrics.messagesOut()).isEqualTo(total);
            assertThat(metrics.lateReplies()).isZero();
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void shouldAnswerAThrowingHandlerWithAnErrorAndKeepServing() {
        KernelHandle kernel = launch("k");
        assertThatThrownBy(() -> kernel.call(new Fail(9), Ping.class, REPLY_TIMEOUT))
                .isInstanceOfSatisfying(KernelErrorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.HANDLER_FAILED);
                    assertThat(e.getMessage()).contains("failure 9 requested by the sender");
                });
        kernel.send(new Fail(10));
        assertThatThrownBy(() -> kernel.receive(REPLY_TIMEOUT)).isInstanceOf(KernelErrorException.class)
                .hasMessageContaining("failure 10");
        assertThat(kernel.call(new Ping(1, 0), Ping.class, REPLY_TIMEOUT)).isEqualTo(new Ping(1, 0));
        KernelMetrics metrics = kernel.metrics();
        assertThat(metrics.errors()).isEqualTo(2);
        assertThat(metrics.lastError()).isEqualTo(ErrorCode.HANDLER_FAILED.name());
        assertThat(kernel.status()).isEqualTo(KernelStatus.ACTIVE);
    }

    @Test
    void shouldRejectAMessageLargerThanTheMaximum() {
        KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                .withMaxMessageSize(1_024));
        assertThatThrownBy(() -> kernel.send(new Blob(new byte[2_000]))).isInstanceOf(MessageTooLargeException.class)
                .hasMessageContaining("kernel 'k'").hasMessageContaining("maximum message size is 1024 bytes");
        assertThat(kernel.call(new Blob(new byte[900]), Blob.class, REPLY_TIMEOUT).data()).hasSize(900);
    }

    @Test
    void shouldRejectATypeTheKernelDoesNotDeclare() {
        KernelHandle kernel = launch("k");
        assertThatThrownBy(() -> kernel.send("text")).isInstanceOf(SerializationException.class)
                .hasMessageContaining("no message type for java.lang.String");
        assertThatThrownBy(() -> kernel.send(null)).isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldFailWithQueueFullAfterABoundedWait() {
        KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                .withQueueCapacity(16).withMaxMessageSize(512).withAutoActivate(false));
        int sent = 0;
        long start = System.nanoTime();
        try {
            while (sent < 100) {
                kernel.send(new Ping(sent, 0));
                sent++;
            }
        } catch (QueueFullException e) {
            assertThat(e).hasMessageContaining("input queue of kernel 'k' (16 slots) stayed full for 200 ms");
        }
        assertThat(sent).isEqualTo(16);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        kernel.activate();
        for (int i = 0; i < sent; i++) {
            assertThat(kernel.receive(REPLY_TIMEOUT).payload(Ping.class).sequence()).isEqualTo(i);
        }
    }

    @Test
    void shouldTimeOutACallAndCountTheLateReply() {
        KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                .withAutoActivate(false));
        assertThatThrownBy(() -> kernel.call(new Ping(1, 0), Ping.class, Duration.ofMillis(50)))
                .isInstanceOf(KernelTimeoutException.class).hasMessageContaining("the reply to message");
        kernel.activate();
        assertThat(kernel.call(new Ping(2, 0), Ping.class, REPLY_TIMEOUT)).isEqualTo(new Ping(2, 0));
        assertThat(kernel.metrics().lateReplies()).isEqualTo(1);
        assertThat(kernel.tryReceive()).isEmpty();
    }

    @Test
    void shouldTimeOutAReceiveWhenNothingArrives() {
        KernelHandle kernel = launch("k");
        assertThatThrownBy(() -> kernel.receive(Duration.ofMillis(20))).isInstanceOf(KernelTimeoutException.class)
                .hasMessageContaining("from kernel 'k'");
        assertThat(kernel.tryReceive()).isEmpty();
    }

    @Test
    void shouldFailQueuedCallsWhenTerminated() {
        KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                .withAutoActivate(false));
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(kernel.callAsync(new Ping(i, 0), REPLY_TIMEOUT));
        }
        kernel.send(new Ping(99, 0));
        kernel.terminate();
        for (CompletableFuture<Object> call : calls) {
            assertThatThrownBy(call::get).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(KernelErrorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.KERNEL_TERMINATED));
        }
        KernelMetrics metrics = kernel.metrics();
        assertThat(metrics.status()).isEqualTo(KernelStatus.TERMINATED);
        assertThat(metrics.messagesIn()).isEqualTo(4);
        assertThat(metrics.dropped()).isEqualTo(4);
    }

    /**
     * A kernel terminated while its output queue is full holds replies it cannot write: each
     * message still gets one outcome, a reply that was read, or a place among those the metrics
     * count as dropped (or errors) — none is lost unseen.
     */
    @Test
    void shouldAccountForEveryMessageWhenTerminatedWithItsOutputFull() throws Exception {
        KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                .withInputCapacity(256).withOutputCapacity(16).withMaxMessageSize(512));
        int sent = 200;
        for (int i = 0; i < sent; i++) {
            kernel.send(new Ping(i, 0));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (kernel.metrics().outputDepth() < 16 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        kernel.terminate();
        int outcomes = 0;
        while (true) {
            try {
                if (kernel.tryReceive().isEmpty()) {
                    break;
                }
            } catch (KernelErrorException error) {
                assertThat(error.code()).isEqualTo(ErrorCode.KERNEL_TERMINATED);
            }
            outcomes++;
        }
        KernelMetrics metrics = kernel.metrics();
        assertThat(metrics.messagesIn()).isEqualTo(sent);
        assertThat(outcomes + metrics.dropped()).as("replies read (%d) and dropped (%d)", outcomes, metrics.dropped())
                .isEqualTo(sent);
    }

    @Test
    void shouldReportMetrics() {
        KernelHandle kernel = launch("k");
        for (int i = 0; i < 200; i++) {
            kernel.call(new Ping(i, 0), Ping.class, REPLY_TIMEOUT);
        }
        KernelMetrics metrics = kernel.metrics();
        assertThat(metrics.kernelId()).isEqualTo("k");
        assertThat(metrics.status()).isEqualTo(KernelStatus.ACTIVE);
        assertThat(metrics.messagesIn()).isEqualTo(200);
        assertThat(metrics.processed()).isEqualTo(200);
        assertThat(metrics.messagesOut()).isEqualTo(200);
        assertThat(metrics.dropped()).isZero();
        assertThat(metrics.errors()).isZero();
        assertThat(metrics.inputDepth()).isZero();
        assertThat(metrics.outputDepth()).isZero();
        assertThat(metrics.latencyP50()).isPositive();
        assertThat(metrics.latencyP99()).isGreaterThanOrEqualTo(metrics.latencyP50());
        assertThat(metrics.latencyP999()).isGreaterThanOrEqualTo(metrics.latencyP99());
        assertThat(metrics.latencyMax()).isGreaterThanOrEqualTo(metrics.latencyP999());
        assertThat(metrics.throughput()).isPositive();
        assertThat(metrics.uptime()).isPositive();
        assertThat(metrics.device()).isNotNull();
        assertThat(metrics.lastError()).isEmpty();
    }

    @Test
    void shouldListItsBackendAsAvailable() {
        assertThat(runtime.backends()).anySatisfy(info -> {
            assertThat(info.type()).isEqualTo(backend().type());
            assertThat(info.available()).isTrue();
            assertThat(info.devices()).isNotEmpty();
        });
        assertThat(runtime.backends()).anySatisfy(info -> assertThat(info.type()).isEqualTo(BackendType.CPU));
    }

    @Test
    void shouldTerminateEveryKernelOnShutdown() {
        KernelHandle first = launch("a");
        KernelHandle second = launch("b");
        runtime.shutdown();
        assertThat(first.status()).isEqualTo(KernelStatus.TERMINATED);
        assertThat(second.status()).isEqualTo(KernelStatus.TERMINATED);
        assertThatThrownBy(() -> launch("c")).hasMessageContaining("shut down");
    }
}
