package io.ringkernel.backend.cuda;

import static jcuda.driver.JCudaDriver.cuMemHostGetDevicePointer;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.RingDescriptor;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.host.DeviceHandlerResult;
import io.ringkernel.spi.host.MessageExchange;
import java.nio.ByteBuffer;
import jcuda.Pointer;
import jcuda.driver.CUcontext;

/**
 * A {@link LaunchMode#PERSISTENT} kernel: {@code rk_direct} is launched once and reads the input
 * ring in mapped memory itself, so a message costs the sender a write and the device a read, and
 * no host thread touches it on the way in. The device hands back, through the {@link ResultRing},
 * only what the host must answer, and this kernel's host thread frames those answers into the
 * output ring, in input order.
 *
 * <p>A record the runtime's sender wrote is committed {@link RingDescriptor#COMMIT_ADMITTED} and
 * taken as it is; any other record (one another producer wrote) makes the device wait at it until
 * this thread has screened it on the host as the other backends do, and marked its commit word
 * admitted, or {@link RingDescriptor#COMMIT_REJECTED} and answered with the error it kept
 * ({@link WaitingRecordScreen}). Deactivated, the loop parks with {@code __nanosleep} back-off; a
 * hot swap stops it, loads the new module and launches it again where it stopped.
 */
final class PersistentCudaKernel extends CudaKernel {
    private final ManyToOneSlotRing input;
    private final long inputAddress;
    private final MappedBuffer resultMemory;
    private final ResultRing results;
    /* Most slots the loop polls, and records it takes, a round, whatever its block. */
    private final int window;
    private final WaitingRecordScreen screen;
    private long handledSeen;
    private volatile boolean loopRunning;
    private boolean pausedLoop;

    PersistentCudaKernel(CudaContext owner, CUcontext context, CudaCompiledKernel compiled, KernelResources resources) {
        super(owner, compiled, resources, block -> stagingBytes(resources));
        this.input = resources.input();
        DevicePointer ring = new DevicePointer();
        CudaException.check(cuMemHostGetDevicePointer(ring, Pointer.to(input.buffer()), 0),
                "cuMemHostGetDevicePointer(the input ring)");
        this.inputAddress = ring.address();
        int stride = ResultRing.strideFor(controlBlock.maxPayload());
        int capacity = resultCapacity(resources);
        this.resultMemory = MappedBuffer.allocate(context, owner::retire, ResultRing.requiredBytes(capacity, stride),
                ResultRing.ENTRY_ALIGNMENT);
        this.results = new ResultRing(resultMemory.hostView(), capacity, stride);
        this.window = window(capacity);
        this.screen = new WaitingRecordScreen(input, exchange, stride, controlBlock.maxPayload());
        results.command(ResultRing.PARK);
        launchLoop();
        start();
    }

    /** @return entries of the result ring: one per input slot, within {@link #MAX_WORK_BYTES} */
    private static int resultCapacity(KernelResources resources) {
        return resultCapacity(resources.input().capacity(), resources.controlBlock().maxPayload());
    }

    /**
     * @param inputCapacity slots of the kernel's input ring
     * @param maxPayload the kernel's largest payload
     * @return entries of the result ring: one per input slot, as many as {@link #MAX_WORK_BYTES}
     *         holds, each with room for a reply of the largest payload; not rounded to a power of
     *         two, since the window of a round, which the entries bound, sets the loop's pace
     */
    static int resultCapacity(int inputCapacity, int maxPayload) {
        return (int) Math.max(1, Math.min(inputCapacity, MAX_WORK_BYTES / ResultRing.strideFor(maxPayload)));
    }

    /**
     * @param resultCapacity entries of the kernel's result ring
     * @return slots the loop polls, and records it takes, a round at most: within the result ring
     */
    private static int window(int resultCapacity) {
        return (int) Math.min(resultCapacity, CudaSource.MAX_WINDOW);
    }

    /**
     * Staging of {@code rk_direct}: a reply of one result stride per record of a round, then the
     * mirror of the slots a round takes: a window of them, and the rest of a record that starts
     * at its last.
     */
    private static long stagingBytes(KernelResources resources) {
        int window = window(resultCapacity(resources));
        int stride = ResultRing.strideFor(resources.controlBlock().maxPayload());
        int slotSize = resources.input().slotSize();
        return (long) window * stride + ((long) window + (stride + slotSize - 1) / slotSize) * slotSize;
    }

    @Override
    public LaunchMode mode() {
        return LaunchMode.PERSISTENT;
    }

    /** @return whether records wait in the input ring: the device holds the first of them */
    @Override
    boolean busyOnDevice() {
        return input.depth() > 0;
    }

    @Override
    boolean loopRunning() {
        return loopRunning;
    }

    private void launchLoop() {
        Pointer parameters = Pointer.to(
                Pointer.to(new long[] {inputAddress}),
                Pointer.to(new int[] {input.capacity()}),
                Pointer.to(new int[] {Integer.numberOfTrailingZeros(input.slotSize())}),
                Pointer.to(new long[] {resultMemory.deviceAddress()}),
                Pointer.to(new int[] {results.capacity()}),
                Pointer.to(new int[] {results.stride()}),
                Pointer.to(new int[] {window}),
                Pointer.to(new long[] {staging.address()}),
                Pointer.to(new long[] {stateAddress()}),
                Pointer.to(new long[] {input.head()}),
                Pointer.to(new long[] {results.devicePublished()}));
        launch(module.direct(), CudaSource.DIRECT_KERNEL, parameters);
        loopRunning = true;
    }

    @Override
    public void activate() {
        controlBlock.requestActive(true);
        results.command(ResultRing.RUN);
        wake();
    }

    /** Parks the loop, waits until it says it took its last record, and answers what it took. */
    @Override
    protected void settle() {
        if (!loopRunning || lost != null) {
            return;
        }
        int parked = results.command(ResultRing.PARK);
        while (lost == null && results.acknowledged() != parked && !controlBlock.terminateRequested()) {
            checkDevice();
            Thread.onSpinWait();
        }
        collectEntries(true);
    }

    @Override
    void pause() {
        super.pause();
        if (loopRunning && lost == null) {
            stopLoop();
            pausedLoop = true;
        }
    }

    @Override
    void resume() {
        try {
            if (pausedLoop && lost == null) {
                results.command(controlBlock.activeRequested() ? ResultRing.RUN : ResultRing.PARK);
                launchLoop();
            }
        } finally {
            pausedLoop = false;
            super.resume();
        }
    }

    private void stopLoop() {
        results.command(ResultRing.EXIT);
        loopRunning = false;
        CudaException.check(cuStreamSynchronize(stream), "the kernel loop, on stopping");
    }

    @Override
    void lose(String reason) {
        loopRunning = false;
        super.lose(reason);
    }

    /**
     * Stops the loop and answers what it handed back, or, where the output ring stays full,
     * abandons it; records it did not take stay in the input ring for the runtime.
     */
    @Override
    protected void finish() {
        turn.lock(); // not while the context has the loop paused: it would launch it again on resuming
        try {
            stopLoop();
        } finally {
            turn.unlock();
        }
        collectEntries(true);
        abandonEntries(ErrorCode.KERNEL_TERMINATED, MessageExchange.TERMINATED_UNANSWERED);
        recordHandled();
    }

    /** {@link MessageExchange#abandon Abandons} every entry the device handed back and the host did not answer. */
    private void abandonEntries(ErrorCode code, String detail) {
        while (results.entryReady()) {
            header.wrap(results.memory(), results.oldestEntry());
            screen.forget(results.memory().getLong(results.oldestEntry() + ResultRing.ENTRY_POSITION_OFFSET));
            exchange.abandon(header, code, detail);
            results.collect();
        }
        signals.outputCommitted();
    }

    @Override
    protected void releaseMemory() {
        resultMemory.close();
    }

    @Override
    protected boolean awaitingDevice() {
        return results.waitingAt() > screen.screenedUpTo();
    }

    @Override
    protected boolean step() {
        return hostStep(true);
    }

    /**
     * A caller waiting for a reply collects what the device handed back itself, when the host
     * thread is not at work, so the reply reaches it with no hand-off between threads, and a
     * sporadic call neither wakes the parked host thread nor waits for it. The step touches host
     * memory only, no CUDA call, so any thread may take it; the turn keeps it to one at a time.
     * It never waits for room in the output ring: that is the host thread's.
     */
    @Override
    protected boolean callerStep() {
        return loopRunning && hostStep(false);
    }

    /** @return true while the loop runs: a waiting caller can then collect its reply itself */
    @Override
    public boolean assistable() {
        return loopRunning && lost == null;
    }

    /**
     * Writes a reply that waited for room, screens what the loop waits at, answers its entries and
     * counts what it handled: after the entries, so a record whose answer was collected is counted
     * (the loop publishes the count before the entries).
     *
     * @param mayWait whether to wait for room in the output ring while an answer does not fit
     * @return true if anything moved
     */
    private boolean hostStep(boolean mayWait) {
        boolean unparked = exchange.replies().writeParked();
        boolean screened = screen.screenFrom(results.waitingAt(), codecs) > 0;
        boolean answered = collectEntries(mayWait) > 0;
        return recordHandled() || answered || screened || unparked;
    }

    /** @return true if the device handled messages since the last look; counts them */
    private boolean recordHandled() {
        long handled = results.handled();
        if (handled == handledSeen) {
            return false;
        }
        telemetry.recordProcessedUntimed(handled - handledSeen);
        handledSeen = handled;
        exchange.observe(results.latestTimestamp());
        return true;
    }

    /**
     * @param mayWait whether to wait for room in the output ring while an answer does not fit,
     *                or to stop there
     * @return entries answered
     */
    private int collectEntries(boolean mayWait) {
        int answered = 0;
        ByteBuffer memory = results.memory();
        while (results.entryReady() && (mayWait ? awaitOutputRoom() : exchange.replies().flush())) {
            int entry = results.oldestEntry();
            header.wrap(memory, entry);
            int code = memory.getInt(entry + ResultRing.ENTRY_CODE_OFFSET);
            if (code == ResultRing.REFUSED) {
                exchange.reject(header, screen.refusal(memory.getLong(entry + ResultRing.ENTRY_POSITION_OFFSET)));
            } else if (code == ResultRing.UNKNOWN_TYPE) {
                exchange.reject(header, MessageExchange.unknownType(header.messageType()));
            } else {
                exchange.observe(header.timestamp());
                new DeviceHandlerResult(code, memory.getInt(entry + ResultRing.ENTRY_TYPE_OFFSET), memory,
                        entry + ResultRing.ENTRY_PAYLOAD_OFFSET, results.stride() - ResultRing.ENTRY_PAYLOAD_OFFSET)
                        .deliver(exchange, header, codecs, handlerName);
            }
            results.collect();
            answered++;
        }
        return answered;
    }

    /**
     * The kernel failed: abandons, with the error, what the device handed back and every record
     * left in the input ring, reading the ring as its consumer now that the loop is gone.
     */
    @Override
    protected void failOutstanding(ErrorCode code, String detail) {
        abandonEntries(code, detail);
        input.read((buffer, offset, recordLength) -> {
            header.wrap(buffer, offset);
            exchange.abandon(header, code, detail);
        }, Integer.MAX_VALUE);
        signals.outputCommitted();
    }
}
