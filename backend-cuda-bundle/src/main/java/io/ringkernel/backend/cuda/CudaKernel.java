package io.ringkernel.backend.cuda;

import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemsetD8Async;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamQuery;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.RecordHandler;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.spi.BackendKernel;
import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.KernelSignals;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.host.DeviceHandlerResult;
import io.ringkernel.spi.host.MessageExchange;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;

/**
 * A kernel on a CUDA device. A host thread takes messages from the input ring, screens each and
 * checks its payload on the host (so a handler only sees payloads its type's layout fits), and
 * forwards it into the {@link WorkRing}; the device runs the handler and writes the result beside
 * it; the host thread frames the replies into the output ring, in input order.
 *
 * <p>{@link LaunchMode#PERSISTENT}: {@code rk_loop} is launched once and polls the work ring; a
 * message costs the host a copy and a store, the device a read over the bus. Deactivated, the
 * loop parks with {@code __nanosleep} back-off; a hot swap stops it, loads the new module and
 * launches it again. {@link LaunchMode#EVENT_DRIVEN}: the host launches the loop over each batch it
 * forwarded and waits for it, one launch per batch.
 */
final class CudaKernel implements BackendKernel {
    /** Threads of the loop's block, unless the launch asks for another block size. */
    static final int DEFAULT_BLOCK = 128;
    /** Most bytes of request and result slots per kernel. */
    static final long MAX_WORK_BYTES = 32L << 20;
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int SPINS_PER_DEVICE_CHECK = 4096;

    private final String kernelId;
    private final CudaContext owner;
    private final LaunchMode mode;
    private final boolean timed;
    private final ControlBlock controlBlock;
    private final Telemetry telemetry;
    private final ManyToOneSlotRing input;
    private final KernelSignals signals;
    private final MessageExchange exchange;
    private final MappedBuffer workMemory;
    private final WorkRing work;
    private final MessageExchange.Rejection[] rejections;
    private final long[] forwardedAt;
    private final int block;
    /* Threads the loop is launched with: the block, or fewer if the loaded module cannot run that many. */
    private int launchBlock;
    private final CUstream stream = new CUstream();
    private final MessageHeader header = new MessageHeader();
    private final Forwarder forwarder = new Forwarder();
    private final ReentrantLock turn = new ReentrantLock();
    private final Thread gate;
    private final DevicePointer staging = new DevicePointer();
    private CudaModule module;
    private DevicePointer state;
    private final String handlerName;
    private Map<Integer, MessageCodec> codecs;
    private long launchedUpTo;
    /* When the batch being forwarded was read: one clock reading per batch, not per message. */
    private long forwardTime;
    private volatile boolean busyOnDevice;
    private volatile boolean loopRunning;
    private boolean pausedLoop;
    private volatile String lost;

    CudaKernel(CudaContext owner, CUcontext context, CudaCompiledKernel compiled, KernelResources resources,
               LaunchMode mode, boolean timed) {
        this.kernelId = resources.kernelId();
        this.handlerName = "the CUDA handler of kernel '" + kernelId + "'";
        this.owner = owner;
        this.mode = mode;
        this.timed = timed;
        this.controlBlock = resources.controlBlock();
        this.telemetry = resources.telemetry();
        this.input = resources.input();
        this.signals = resources.signals();
        this.exchange = new MessageExchange(resources);
        int stride = WorkRing.strideFor(controlBlock.maxPayload());
        int capacity = Integer.highestOneBit((int) Math.max(1, Math.min(input.capacity(),
                MAX_WORK_BYTES / (2L * stride))));
        this.workMemory = MappedBuffer.allocate(context, owner::retire, WorkRing.requiredBytes(capacity, stride),
                WorkRing.SLOT_ALIGNMENT);
        this.work = new WorkRing(workMemory.hostView(), capacity, stride);
        this.rejections = new MessageExchange.Rejection[capacity];
        this.forwardedAt = new long[capacity];
        int requested = resources.block().x();
        this.block = requested > 1 ? Math.min(1024, (requested + 31) & -32) : DEFAULT_BLOCK;
        // The context has stopped its other loops for this constructor (CudaContext#launch).
        CudaException.check(cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING), "cuStreamCreate");
        long stagingBytes = 2L * block * stride;
        CudaException.check(cuMemAlloc(staging, stagingBytes), "cuMemAlloc(" + stagingBytes + " bytes of staging)");
        load(compiled);
        if (mode == LaunchMode.PERSISTENT) {
            work.command(WorkRing.PARK);
            launchLoop(true, 0, 0);
        }
        this.gate = new Thread(this::gate, "ringkernel-cuda-" + kernelId);
        gate.setDaemon(true);
        gate.start();
    }

    String id() {
        return kernelId;
    }

    /** @return whether messages were on the device, being handled, when last looked */
    boolean busyOnDevice() {
        return busyOnDevice;
    }

    /** Loads a program's module and codecs, with fresh zeroed device state if it keeps any. */
    private void load(CudaCompiledKernel compiled) {
        module = CudaModule.load(compiled.ptx());
        codecs = compiled.program().codecs();
        launchBlock = Math.min(block, module.maxBlock() & -32);
        int stateBytes = compiled.program().definition().deviceStateBytes();
        if (stateBytes > 0) {
            state = new DevicePointer();
            CudaException.check(cuMemAlloc(state, stateBytes), "cuMemAlloc(" + stateBytes + " bytes of device state)");
            CudaException.check(cuMemsetD8Async(state, (byte) 0, stateBytes, stream), "cuMemsetD8Async");
        }
    }

    /** Releases the module and the device state; only while the context's loops are stopped. */
    private void unload() {
        module.close();
        if (state != null) {
            cuMemFree(state);
            state = null;
        }
    }

    /** @return whether this kernel's persistent loop is running on the device */
    boolean loopRunning() {
        return loopRunning;
    }

    private void launchLoop(boolean persistent, long head, int count) {
        Pointer parameters = Pointer.to(
                Pointer.to(new long[] {workMemory.deviceAddress()}),
                Pointer.to(new int[] {work.capacity()}),
                Pointer.to(new int[] {work.stride()}),
                Pointer.to(new long[] {staging.address()}),
                Pointer.to(new long[] {state == null ? 0 : state.address()}),
                Pointer.to(new long[] {head}),
                Pointer.to(new int[] {count}),
                Pointer.to(new int[] {persistent ? 1 : 0}));
        CudaException.check(cuLaunchKernel(module.loop(), 1, 1, 1, launchBlock, 1, 1, 0, stream, parameters, null),
                "cuLaunchKernel(" + CudaSource.LOOP_KERNEL + ")");
        loopRunning = persistent;
    }

    @Override
    public LaunchMode mode() {
        return mode;
    }

    @Override
    public void activate() {
        controlBlock.requestActive(true);
        if (mode == LaunchMode.PERSISTENT) {
            work.command(WorkRing.RUN);
        }
        wake();
    }

    @Override
    public void deactivate() {
        controlBlock.requestActive(false);
        CudaException fault = null;
        turn.lock();
        try {
            while (lost == null && work.outstanding() > 0 && !controlBlock.terminateRequested()) {
                collectResults();
                checkDevice();
            }
            if (mode == LaunchMode.PERSISTENT) {
                work.command(WorkRing.PARK);
            }
        } catch (CudaException e) {
            fault = e;
        } finally {
            turn.unlock();
        }
        if (fault != null) {
            owner.deviceFault(this, fault);
        }
        signals.outputCommitted();
    }

    /** Swaps the module while the context's loops are stopped; this kernel's loop resumes with the new code. */
    @Override
    public void swap(CompiledKernel compiled) {
        owner.quiesced(() -> {
            unload();
            load((CudaCompiledKernel) compiled);
        });
    }

    /**
     * Stops the persistent loop at a message boundary and holds the kernel still, for the context
     * to load or unload code: a module load waits for every running kernel of the context.
     * {@link #resume()} undoes it.
     */
    void pause() {
        turn.lock();
        if (loopRunning && lost == null) {
            stopLoop();
            pausedLoop = true;
        }
    }

    /** Relaunches a loop that {@link #pause()} stopped, where it stopped, and lets the kernel go on. */
    void resume() {
        try {
            if (pausedLoop && lost == null) {
                work.command(controlBlock.activeRequested() ? WorkRing.RUN : WorkRing.PARK);
                launchLoop(true, work.deviceHead(), 0);
            }
        } finally {
            pausedLoop = false;
            turn.unlock();
        }
    }

    private void stopLoop() {
        work.command(WorkRing.EXIT);
        loopRunning = false;
        CudaException.check(cuStreamSynchronize(stream), "the kernel loop, on stopping");
    }

    @Override
    public void wake() {
        LockSupport.unpark(gate);
    }

    /**
     * Fails the kernel: its context broke. The host thread answers what was on the device with
     * errors, reports the failure and stops.
     *
     * @param reason why
     */
    void lose(String reason) {
        lost = reason;
        loopRunning = false;
        wake();
    }

    /** @param timeout how long to wait for the host thread to stop */
    private void awaitStopped(Duration timeout) {
        try {
            gate.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean terminate(Duration timeout) {
        controlBlock.requestActive(false);
        controlBlock.requestTerminate();
        wake();
        awaitStopped(timeout);
        if (gate.isAlive()) {
            return false;
        }
        if (lost == null) {
            owner.quiesced(() -> {
                cuStreamDestroy(stream);
                cuMemFree(staging);
                unload();
            });
        }
        workMemory.close();
        owner.ended(this);
        controlBlock.markTerminated();
        return true;
    }

    private void gate() {
        try {
            owner.current();
            serve();
            if (lost == null) {
                if (mode == LaunchMode.PERSISTENT) {
                    stopLoop();
                }
                collectResults();
                failOutstanding(ErrorCode.KERNEL_TERMINATED, MessageExchange.TERMINATED_UNANSWERED);
            }
        } catch (CudaException e) {
            owner.deviceFault(this, e);
        } catch (RuntimeException | LinkageError e) {
            lose("the CUDA kernel's host thread failed: " + e);
        }
        if (lost != null) {
            failOutstanding(ErrorCode.BACKEND_FAULT, lost);
            signals.failed(new IllegalStateException(lost));
        }
        exchange.replies().flushOrDrop();
    }

    private void serve() {
        long idleSince = 0;
        int spins = 0;
        while (!controlBlock.terminateRequested() && lost == null) {
            boolean progressed;
            turn.lock();
            try {
                progressed = step();
                controlBlock.beat();
            } finally {
                turn.unlock();
            }
            if (progressed) {
                signals.outputCommitted();
                idleSince = 0;
                continue;
            }
            if (++spins % SPINS_PER_DEVICE_CHECK == 0) {
                checkDevice();
            }
            if (work.outstanding() > 0) {
                Thread.onSpinWait();
                continue;
            }
            long now = System.nanoTime();
            if (idleSince == 0) {
                idleSince = now;
            }
            if (now - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                checkDevice();
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
        }
    }

    /**
     * Forwards what is queued, as far as the work ring has room (and, event-driven, launches the
     * loop over it and waits), then answers every result that is back.
     *
     * @return true if anything moved
     */
    private boolean step() {
        int forwarded = 0;
        if (controlBlock.activeRequested() && work.free() > 0 && input.hasCommitted()) {
            forwardTime = timed ? System.nanoTime() : 0;
            forwarded = input.read(forwarder, work.free());
            controlBlock.inFlight(work.outstanding());
            if (mode == LaunchMode.EVENT_DRIVEN && work.forwardPosition() > launchedUpTo) {
                busyOnDevice = true;
                launchLoop(false, launchedUpTo, (int) (work.forwardPosition() - launchedUpTo));
                launchedUpTo = work.forwardPosition();
                CudaException.check(cuStreamSynchronize(stream), "the kernel loop");
            }
        }
        return collectResults() > 0 || forwarded > 0;
    }

    /** @return results answered */
    private int collectResults() {
        int answered = 0;
        busyOnDevice = work.outstanding() > 0;
        long now = 0;
        while (work.resultReady() && awaitOutputRoom()) {
            if (timed && now == 0) {
                now = System.nanoTime(); // read once results are there, so a thread waiting on the device just spins
            }
            answer(now);
            work.collect();
            answered++;
        }
        if (answered > 0) {
            controlBlock.inFlight(work.outstanding());
            busyOnDevice = work.outstanding() > 0;
        }
        return answered;
    }

    /** @param now when the results being collected were seen, if telemetry is timed */
    private void answer(long now) {
        ByteBuffer memory = work.memory();
        int slot = (int) (work.collectPosition() & (work.capacity() - 1));
        header.wrap(memory, work.oldestRequest());
        MessageExchange.Rejection rejection = rejections[slot];
        if (rejection != null) {
            rejections[slot] = null;
            exchange.reject(header, rejection);
            return;
        }
        telemetry.recordProcessed(timed ? now - forwardedAt[slot] : 0);
        int result = work.oldestResult();
        new DeviceHandlerResult(memory.getInt(result + WorkRing.RESULT_CODE_OFFSET),
                memory.getInt(result + WorkRing.RESULT_TYPE_OFFSET), memory, result + WorkRing.RESULT_PAYLOAD_OFFSET,
                work.stride() - WorkRing.RESULT_PAYLOAD_OFFSET)
                .deliver(exchange, header, codecs, handlerName);
    }

    /**
     * {@link MessageExchange#abandon Abandons} every message forwarded and not yet answered.
     *
     * @param code the error
     * @param detail why
     */
    private void failOutstanding(ErrorCode code, String detail) {
        while (work.outstanding() > 0) {
            header.wrap(work.memory(), work.oldestRequest());
            rejections[(int) (work.collectPosition() & (work.capacity() - 1))] = null;
            exchange.abandon(header, code, detail);
            work.collect();
        }
        signals.outputCommitted();
    }

    /** @return false if the kernel is stopping and the rest of the replies are abandoned */
    private boolean awaitOutputRoom() {
        return exchange.awaitReplyRoom(() -> controlBlock.terminateRequested() || lost != null);
    }

    /** @throws CudaException if the kernel's stream reports an error: the device faulted */
    private void checkDevice() {
        int status = cuStreamQuery(stream);
        if (status != CUresult.CUDA_SUCCESS && status != CUresult.CUDA_ERROR_NOT_READY) {
            throw new CudaException(status, "kernel '" + kernelId + "' on the device");
        }
    }

    /** Screens each queued record and forwards it, or a placeholder for its error reply. */
    private final class Forwarder implements RecordHandler {
        @Override
        public void onRecord(ByteBuffer buffer, int offset, int recordLength) {
            header.wrap(buffer, offset);
            MessageExchange.Rejection rejection = exchange.screenAndCheck(header, recordLength, codecs);
            if (rejection == null && HEADER_LENGTH + header.payloadLength() > work.stride()) {
                rejection = new MessageExchange.Rejection(ErrorCode.MALFORMED_MESSAGE, "payload of "
                        + header.payloadLength() + " bytes exceeds the kernel's maximum of " + controlBlock.maxPayload());
            }
            int slot = (int) (work.forwardPosition() & (work.capacity() - 1));
            rejections[slot] = rejection;
            forwardedAt[slot] = forwardTime;
            if (rejection == null) {
                work.forward(buffer, offset, HEADER_LENGTH + header.payloadLength());
            } else {
                work.forwardSkip(buffer, offset);
            }
        }
    }
}
