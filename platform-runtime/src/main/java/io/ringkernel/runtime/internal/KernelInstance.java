package io.ringkernel.runtime.internal;

import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAG_CALL;
import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.IllegalKernelStateException;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.KernelTimeoutException;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.QueueFullException;
import io.ringkernel.api.ReceivedMessage;
import io.ringkernel.api.SerializationException;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.RingDescriptor;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.BackendKernel;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.KernelSignals;
import io.ringkernel.spi.MessageType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * One launched kernel: its memory, its backend kernel, and the host side of its queues. Every
 * message sent to it ends in exactly one outcome — a reply, an error reply, or (when it is
 * terminated first) a {@link ErrorCode#KERNEL_TERMINATED} failure counted in its metrics.
 */
final class KernelInstance implements KernelHandle {
    private final KernelSetup setup;
    private final KernelLifecycle lifecycle;
    private final KernelMemory memory;
    private final PendingCalls pending = new PendingCalls();
    private final MessageCatalog catalog;
    private final LatencyTracker latency = new LatencyTracker();
    private final MessageSender sender;
    private final OutputDispatcher dispatcher;
    private final LongAdder unprocessed = new LongAdder();
    private final long launchedAt = System.nanoTime();
    private volatile BackendKernel backendKernel;
    /* What a caller waiting on an assistable kernel does: one allocation per kernel, not per call. */
    private final Futures.Assist callerAssist = new Futures.Assist(this::assistKernel, this::wakeKernel);
    private boolean detached;
    private long departures;
    private volatile String suspension;
    private boolean resumeActive;
    private volatile String failure = "";
    private volatile KernelMetrics finalMetrics;
    private final Supervisor supervisor;
    private boolean activeBeforeFailure;

    KernelInstance(KernelSetup setup) {
        int maxPayload = setup.maxMessageSize() - HEADER_LENGTH;
        requireQueueFits(setup, "input", setup.inputCapacity(), maxPayload);
        requireQueueFits(setup, "output", setup.outputCapacity(), maxPayload);
        this.setup = setup;
        this.lifecycle = new KernelLifecycle(setup.kernelId());
        this.memory = new KernelMemory(setup.context(), setup.inputCapacity(), setup.outputCapacity(),
                setup.config().slotSize());
        memory.controlBlock.initialise(setup.kernelNumber(), memory.input, memory.output, maxPayload,
                setup.mode() == LaunchMode.EVENT_DRIVEN);
        this.catalog = new MessageCatalog(setup.program());
        this.sender = new MessageSender(setup.kernelId(), setup.kernelNumber(), memory.input, catalog,
                setup.maxMessageSize(), setup.config().sendTimeout(), setup.hostClock(), latency);
        this.dispatcher = new OutputDispatcher(setup.kernelId(), memory.output, catalog, pending, latency,
                setup.hostClock(), this::wakeKernel);
        this.supervisor = new Supervisor(setup.kernelId(), setup.restartPolicy());
    }

    private static void requireQueueFits(KernelSetup setup, String queue, int capacity, int maxPayload) {
        int ringLimit = RingDescriptor.maxPayload(capacity, setup.config().slotSize());
        if (maxPayload > ringLimit) {
            throw new IllegalArgumentException("kernel '" + setup.kernelId() + "': an " + queue + " queue of "
                    + capacity + " slots of " + setup.config().slotSize() + " B holds payloads up to " + ringLimit
                    + " B, less than the maximum message size of " + setup.maxMessageSize()
                    + " B allows; raise the queue capacity or lower maxMessageSize");
        }
    }

    /** Launches the kernel on its backend: CREATED → LAUNCHED (or FAILED → LAUNCHED, a restart). */
    void launch() {
        KernelResources resources = new KernelResources(setup.kernelId(), setup.kernelNumber(), setup.mode(),
                setup.grid(), setup.block(), memory.controlBlock, memory.telemetry, memory.input, memory.output,
                new Signals());
        backendKernel = setup.context().launch(setup.context().compile(catalog.current().program()), resources);
        lifecycle.transition(KernelStatus.LAUNCHED);
    }

    /**
     * Restarts a FAILED kernel, as its restart policy decided: stops what is left of its backend
     * kernel, drops what its queue still holds (the waiting calls have failed already), and
     * launches its code afresh on the same queues, active again if it was. Nothing happens if the
     * kernel was terminated meanwhile; if the failed backend kernel does not stop in time, the
     * kernel stays FAILED and says why.
     */
    private synchronized void restart() {
        if (lifecycle.status() != KernelStatus.FAILED) {
            return;
        }
        if (!backendKernel.terminate(setup.config().terminationTimeout())) {
            failure += Supervisor.notRestarted("what failed did not stop within the termination timeout of "
                    + setup.config().terminationTimeout().toMillis() + " ms");
            return;
        }
        while (sender.activeSenders() > 0) {
            Thread.onSpinWait();
        }
        dispatcher.drain();
        memory.input.read(this::failUnprocessed, Integer.MAX_VALUE);
        memory.controlBlock.rearm();
        try {
            launch();
        } catch (RuntimeException e) {
            failure += Supervisor.notRestarted("launching it again failed: " + e.getMessage());
            return;
        }
        if (activeBeforeFailure && !detached && suspension == null) {
            lifecycle.transition(KernelStatus.ACTIVE);
            backendKernel.activate();
        }
    }

    /** @return the definition whose code the kernel runs now */
    KernelDefinition definition() {
        return catalog.current().program().definition();
    }

    /** @return the backend context the kernel runs in */
    BackendContext context() {
        return setup.context();
    }

    /**
     * The kernel's definition went away: stop feeding its code. Messages keep queueing (senders
     * see backpressure once the queue is full) until {@link #reattach} brings new code or the
     * kernel is terminated.
     *
     * @return this departure's number, counted from 1 over the kernel's life, if the kernel was
     *         live and is now detached; 0 otherwise
     */
    synchronized long detach() {
        if (!lifecycle.status().acceptsMessages()) {
            return 0;
        }
        backendKernel.deactivate();
        detached = true;
        return ++departures;
    }

    /**
     * @return true while the kernel waits for its definition to come back; false once it is
     *         terminating, terminated or failed, which it may have become while it waited
     */
    synchronized boolean detached() {
        return detached && lifecycle.status().acceptsMessages();
    }

    /**
     * @param departure a departure of the kernel's definition, numbered by {@link #detach}
     * @return true while the kernel still waits since that departure: not reattached since, even
     *         if its definition left again later
     */
    synchronized boolean detachedSince(long departure) {
        return detached() && departures == departure;
    }

    /**
     * Runs a new definition's code on this kernel's queues, control block and telemetry, and
     * resumes processing if the kernel is ACTIVE. Does nothing unless the kernel is
     * {@link #detached()}: a kernel that terminated meanwhile (its backend left, and with it the
     * context that would compile the code) stays terminated.
     *
     * @param program the new definition, compiled into codecs
     */
    synchronized void reattach(KernelProgram program) {
        if (!detached()) {
            return;
        }
        backendKernel.swap(setup.context().compile(program));
        catalog.install(program);
        detached = false;
        if (lifecycle.status() == KernelStatus.ACTIVE) {
            backendKernel.activate();
        }
    }

    /**
     * A serializer the kernel's message types need went away: the kernel is deactivated, its
     * queued messages wait, and sends are refused with the reason until {@link #resume} runs.
     *
     * @param reason why, as its metrics and refused senders will read it
     * @return true if the kernel was live and is now suspended
     */
    synchronized boolean suspend(String reason) {
        KernelStatus current = lifecycle.status();
        if (!current.acceptsMessages() || suspension != null) {
            return false;
        }
        suspension = reason;
        if (current == KernelStatus.ACTIVE) {
            lifecycle.transition(KernelStatus.DEACTIVATED);
            resumeActive = true;
        }
        backendKernel.deactivate();
        return true;
    }

    /**
     * @return true while the kernel waits for a serializer to come back; false once it is
     *         terminating, terminated or failed, which it may have become while it waited
     */
    boolean suspended() {
        return suspension != null && lifecycle.status().acceptsMessages();
    }

    /**
     * Builds the kernel's codecs again from the serializers installed now, and reactivates the
     * kernel if {@link #suspend} deactivated it. Does nothing unless the kernel is
     * {@link #suspended()}: a kernel that terminated meanwhile stays terminated.
     *
     * @param compile builds a definition's codecs
     * @throws io.ringkernel.api.SerializationException if a serializer is still missing; the kernel stays suspended
     */
    synchronized void resume(Function<KernelDefinition, KernelProgram> compile) {
        if (!suspended()) {
            return;
        }
        catalog.recompile(compile);
        backendKernel.swap(setup.context().compile(catalog.current().program()));
        suspension = null;
        if (resumeActive) {
            resumeActive = false;
            lifecycle.transition(KernelStatus.ACTIVE);
            if (!detached) {
                backendKernel.activate();
            }
        }
    }

    @Override
    public String id() {
        return setup.kernelId();
    }

    @Override
    public List<MessageType<?>> messageTypes() {
        return definition().messageTypes();
    }

    @Override
    public synchronized void activate() {
        String reason = suspension;
        if (reason != null) {
            throw IllegalKernelStateException.operation(id(), lifecycle.status(), "activate", reason);
        }
        lifecycle.transition(KernelStatus.ACTIVE);
        if (!detached) {
            backendKernel.activate();
        }
    }

    @Override
    public synchronized void deactivate() {
        lifecycle.transition(KernelStatus.DEACTIVATED);
        backendKernel.deactivate();
    }

    /**
     * Terminates the kernel for a reason outside it, which its metrics and failed senders read.
     *
     * @param reason why, e.g. its backend went away
     */
    void terminate(String reason) {
        failure = reason;
        terminate();
    }

    @Override
    public void terminate() {
        synchronized (this) {
            KernelStatus current = lifecycle.status();
            if (current == KernelStatus.TERMINATED || current == KernelStatus.TERMINATING) {
                return;
            }
            lifecycle.transition(KernelStatus.TERMINATING);
        }
        while (sender.activeSenders() > 0) {
            Thread.onSpinWait();
        }
        boolean stopped = backendKernel == null || backendKernel.terminate(setup.config().terminationTimeout());
        dispatcher.drainAll(); // replies already written reach their calls before the rest are failed
        if (stopped) {
            memory.input.read(this::failUnprocessed, Integer.MAX_VALUE);
        } else {
            failure = "did not stop within the termination timeout of " + setup.config().terminationTimeout().toMillis() + " ms";
        }
        pending.failAll(id -> new KernelErrorException(id(), id, ErrorCode.KERNEL_TERMINATED,
                "the kernel terminated before it answered" + terminationCause()));
        finalMetrics = snapshot(stopped ? KernelStatus.TERMINATED : KernelStatus.FAILED);
        if (stopped) {
            lifecycle.transition(KernelStatus.TERMINATED);
            memory.close();
        } else {
            lifecycle.transition(KernelStatus.FAILED);
        }
    }

    private void failUnprocessed(ByteBuffer buffer, int offset, int recordLength) {
        MessageHeader header = new MessageHeader().wrap(buffer, offset);
        unprocessed.increment();
        if (header.problem(recordLength) == null && header.hasFlag(FLAG_CALL)) {
            CompletableFuture<Object> call = pending.remove(header.correlationId());
            if (call != null) {
                call.completeExceptionally(new KernelErrorException(id(), header.messageId(), ErrorCode.KERNEL_TERMINATED,
                        "the kernel terminated before it processed the message" + terminationCause()));
            }
        }
    }

    private String terminationCause() {
        String cause = failure;
        return cause.isEmpty() ? "" : ": " + cause;
    }

    @Override
    public long send(Object message) {
        long messageId = sender.nextMessageId();
        sender.send(message, messageId, false, sender.sendTimeout(), this::requireAccepting);
        wakeKernel();
        return messageId;
    }

    @Override
    public long sendAll(List<?> messages) {
        return sender.sendAll(messages, sender.sendTimeout(), this::requireAccepting, this::wakeKernel);
    }

    @Override
    public long sendEncoded(Class<?> type, ByteBuffer payloads, int count) {
        return sender.sendEncoded(type, payloads, count, sender.sendTimeout(), this::requireAccepting, this::wakeKernel);
    }

    @Override
    public CompletableFuture<Long> sendAsync(Object message) {
        long messageId = sender.nextMessageId();
        try {
            sender.send(message, messageId, false, Duration.ZERO, this::requireAccepting);
        } catch (QueueFullException full) {
            return CompletableFuture.supplyAsync(() -> {
                sender.send(message, messageId, false, sender.sendTimeout(), this::requireAccepting);
                wakeKernel();
                return messageId;
            }, setup.async());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        wakeKernel();
        return CompletableFuture.completedFuture(messageId);
    }

    @Override
    public ReceivedMessage receive(Duration timeout) {
        InboxEntry entry;
        dispatcher.drain();
        try {
            entry = dispatcher.inbox().poll(TimeUnit.NANOSECONDS.convert(timeout), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelTimeoutException(id(), "a message (interrupted)", timeout);
        }
        if (entry == null) {
            throw new KernelTimeoutException(id(), "a message", timeout);
        }
        dispatcher.drain();
        return entry.messageOrThrow();
    }

    @Override
    public Optional<ReceivedMessage> tryReceive() {
        dispatcher.drain();
        InboxEntry entry = dispatcher.inbox().poll();
        if (entry == null) {
            return Optional.empty();
        }
        dispatcher.drain();
        return Optional.of(entry.messageOrThrow());
    }

    @Override
    public CompletableFuture<ReceivedMessage> receiveAsync(Duration timeout) {
        return CompletableFuture.supplyAsync(() -> receive(timeout), setup.async());
    }

    @Override
    public <R> R call(Object request, Class<R> replyType, Duration timeout) {
        long messageId = sender.nextMessageId();
        // a kernel whose waiting callers collect their own replies is not woken for the call: the
        // caller lends its thread while it spins, and wakes the kernel only if it stops spinning
        BackendKernel kernel = backendKernel;
        boolean assisted = kernel != null && kernel.assistable();
        // the caller's own timed wait: no timeout task scheduled (and woken) per call
        Object reply = Futures.await(id(), startCall(request, messageId, !assisted),
                TimeUnit.NANOSECONDS.convert(timeout), () -> timedOut(messageId, timeout),
                assisted ? callerAssist : Futures.Assist.NONE);
        if (!replyType.isInstance(reply)) {
            throw new SerializationException(id(), "kernel '" + id() + "' replied with a "
                    + reply.getClass().getName() + ", not the expected " + replyType.getName(), null);
        }
        return replyType.cast(reply);
    }

    @Override
    public CompletableFuture<Object> callAsync(Object request, Duration timeout) {
        long timeoutNanos = TimeUnit.NANOSECONDS.convert(timeout); // saturates: a timeout of centuries waits "forever"
        long messageId = sender.nextMessageId();
        return startCall(request, messageId, true).orTimeout(timeoutNanos, TimeUnit.NANOSECONDS).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            return CompletableFuture.failedFuture(cause instanceof TimeoutException ? timedOut(messageId, timeout) : cause);
        });
    }

    /**
     * Registers a call and sends its request.
     *
     * @param wake whether to wake the kernel for it: not where the caller collects the reply itself
     * @return the reply's future, or a future failed with what sending threw
     */
    private CompletableFuture<Object> startCall(Object request, long messageId, boolean wake) {
        CompletableFuture<Object> reply;
        try {
            reply = pending.register(messageId, sender.generationOf(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        try {
            sender.send(request, messageId, true, sender.sendTimeout(), this::requireAccepting);
        } catch (RuntimeException e) {
            pending.remove(messageId);
            return CompletableFuture.failedFuture(e);
        }
        if (wake) {
            wakeKernel();
        }
        return reply;
    }

    /** A call gave up waiting: it no longer waits for its reply, which if it comes is counted late. */
    private KernelTimeoutException timedOut(long messageId, Duration timeout) {
        pending.remove(messageId);
        return new KernelTimeoutException(id(), "the reply to message " + messageId, timeout);
    }

    @Override
    public KernelStatus status() {
        return lifecycle.status();
    }

    @Override
    public KernelMetrics metrics() {
        KernelMetrics frozen = finalMetrics;
        return frozen != null ? frozen : snapshot(lifecycle.status());
    }

    private KernelMetrics snapshot(KernelStatus status) {
        LatencyTracker.Percentiles percentiles = latency.percentiles();
        Duration uptime = Duration.ofNanos(System.nanoTime() - launchedAt);
        long processed = memory.telemetry.processed();
        double seconds = Math.max(uptime.toNanos(), 1) / 1e9;
        BackendKernel running = backendKernel;
        return new KernelMetrics(id(), status, setup.backend(), running != null ? running.mode() : setup.mode(),
                setup.context().device(),
                sender.messagesIn(), dispatcher.messagesOut(), processed,
                memory.telemetry.dropped() + unprocessed.sum(), memory.telemetry.errors(), dispatcher.lateReplies(),
                memory.input.depth(), memory.output.depth() + dispatcher.inbox().size(), percentiles.p50(),
                percentiles.p99(), percentiles.p999(), percentiles.max(), processed / seconds, uptime, lastError(),
                supervisor.restarts());
    }

    private String lastError() {
        String reason = suspension;
        if (reason != null) {
            return reason;
        }
        if (!failure.isEmpty()) {
            return failure;
        }
        int code = memory.telemetry.lastErrorCode();
        return code == 0 ? "" : ErrorCode.fromWire(code).name();
    }

    private void requireAccepting() {
        lifecycle.requireAcceptingMessages("send to");
        String reason = suspension;
        if (reason != null) {
            throw new SerializationException(id(), "cannot send to kernel '" + id() + "': " + reason, null);
        }
    }

    private void wakeKernel() {
        BackendKernel kernel = backendKernel;
        if (kernel != null) {
            kernel.wake();
        }
    }

    private boolean assistKernel() {
        BackendKernel kernel = backendKernel;
        return kernel != null && kernel.assist();
    }

    /** The backend's callbacks into this kernel. */
    private final class Signals implements KernelSignals {
        @Override
        public void outputCommitted() {
            dispatcher.drain();
        }

        @Override
        public void failed(Throwable cause) {
            failed(ErrorCode.BACKEND_FAULT, cause);
        }

        @Override
        public void failed(ErrorCode code, Throwable cause) {
            String reason = String.valueOf(cause);
            KernelStatus before = lifecycle.status();
            failure = reason;
            if (lifecycle.failUnlessTerminating()) {
                pending.failAll(id -> new KernelErrorException(id(), id, code, reason));
                if (supervisor.restartAfter(System.nanoTime(), reason)) {
                    activeBeforeFailure = before == KernelStatus.ACTIVE;
                    setup.async().execute(KernelInstance.this::restart);
                }
            }
        }
    }
}
