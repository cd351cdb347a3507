package io.ringkernel.backend.cuda;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemsetD8Async;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamQuery;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.spi.BackendKernel;
import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.KernelSignals;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.host.MessageExchange;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntToLongFunction;
import jcuda.Pointer;
import jcuda.driver.CUfunction;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;

/**
 * A kernel on a CUDA device: its stream, its module and device state, staging memory for the
 * messages its loop handles, and a host thread that answers what the device hands back, in input
 * order, through the kernel's {@link MessageExchange}. How messages reach the device is the
 * subclass's: {@link PersistentCudaKernel} (the loop reads the input ring itself) or
 * {@link EventDrivenCudaKernel} (the host forwards batches and launches the loop over each).
 */
abstract class CudaKernel implements BackendKernel {
    /** Threads of the loop's block, unless the launch asks for another block size. */
    static final int DEFAULT_BLOCK = 128;
    /** Most bytes of request and result slots per kernel. */
    static final long MAX_WORK_BYTES = 32L << 20;
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int SPINS_PER_DEVICE_CHECK = 4096;
    /* How long after a caller's last offer to assist the host thread leaves the work to callers. */
    private static final long ASSIST_HOLD_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    /* A caller notes its offer at most this often, so that the host thread's reads seldom miss the cache. */
    private static final long ASSIST_NOTE_NANOS = TimeUnit.MICROSECONDS.toNanos(2);

    protected final String kernelId;
    protected final CudaContext owner;
    protected final ControlBlock controlBlock;
    protected final Telemetry telemetry;
    protected final KernelSignals signals;
    protected final MessageExchange exchange;
    protected final CUstream stream = new CUstream();
    protected final MessageHeader header = new MessageHeader();
    protected final ReentrantLock turn = new ReentrantLock();
    protected final DevicePointer staging = new DevicePointer();
    protected final String handlerName;
    private final int block;
    private final Thread gate;
    /* Threads the loop is launched with: the block, or fewer if the loaded module cannot run that many. */
    protected int launchBlock;
    protected CudaModule module;
    protected DevicePointer state;
    protected Map<Integer, MessageCodec> codecs;
    protected volatile String lost;
    /* When a waiting caller last offered to assist (System.nanoTime()): the host thread stands aside meanwhile. */
    private volatile long assistedAt = System.nanoTime() - ASSIST_HOLD_NANOS;
    /* The caller doing a step of the host's work now, if any: it wakes no one, as it does the work itself. */
    private volatile Thread assistant;

    /**
     * Creates the stream, loads the program and allocates the device memory its loop stages
     * messages in; the context has stopped its other loops ({@link CudaContext#launch}). The
     * subclass then calls {@link #start()}.
     *
     * @param stagingBytes device memory for the loop, given the kernel's {@link #blockFor block}
     */
    CudaKernel(CudaContext owner, CudaCompiledKernel compiled, KernelResources resources, IntToLongFunction stagingBytes) {
        this.kernelId = resources.kernelId();
        this.handlerName = "the CUDA handler of kernel '" + kernelId + "'";
        this.owner = owner;
        this.controlBlock = resources.controlBlock();
        this.telemetry = resources.telemetry();
        this.signals = resources.signals();
        this.exchange = new MessageExchange(resources);
        this.block = blockFor(resources);
        CudaException.check(cuStreamCreate(stream, CUstream_flags.CU_STREAM_NON_BLOCKING), "cuStreamCreate");
        long bytes = stagingBytes.applyAsLong(block);
        CudaException.check(cuMemAlloc(staging, bytes), "cuMemAlloc(" + bytes + " bytes of staging)");
        load(compiled);
        this.gate = new Thread(this::gate, "ringkernel-cuda-" + kernelId);
        gate.setDaemon(true);
    }

    /**
     * @param resources the kernel's resources
     * @return threads of the kernel's loop: the launch's block rounded up to whole warps, at most
     *         1,024, or {@link #DEFAULT_BLOCK} for a block of one
     */
    static int blockFor(KernelResources resources) {
        int requested = resources.block().x();
        return requested > 1 ? Math.min(1024, (requested + 31) & -32) : DEFAULT_BLOCK;
    }

    /** Starts the kernel's host thread, once the subclass is ready. */
    protected final void start() {
        gate.start();
    }

    String id() {
        return kernelId;
    }

    /** @return whether messages were on the device, being handled, when last looked */
    abstract boolean busyOnDevice();

    /** @return whether this kernel's persistent loop is running on the device */
    boolean loopRunning() {
        return false;
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

    /** Launches one block of a kernel of the module on this kernel's stream. */
    protected final void launch(CUfunction function, String name, Pointer parameters) {
        CudaException.check(cuLaunchKernel(function, 1, 1, 1, launchBlock, 1, 1, 0, stream, parameters, null),
                "cuLaunchKernel(" + name + ")");
    }

    /** @return the device address of the kernel's device state, 0 if it keeps none */
    protected final long stateAddress() {
        return state == null ? 0 : state.address();
    }

    @Override
    public void activate() {
        controlBlock.requestActive(true);
        wake();
    }

    @Override
    public void deactivate() {
        controlBlock.requestActive(false);
        CudaException fault = null;
        turn.lock();
        try {
            settle();
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

    /** Deactivating, with the turn held: stops the device taking messages and answers what it took. */
    protected abstract void settle();

    /** Swaps the module while the context's loops are stopped; this kernel's loop resumes with the new code. */
    @Override
    public void swap(CompiledKernel compiled) {
        owner.quiesced(() -> {
            unload();
            load((CudaCompiledKernel) compiled);
        });
    }

    /**
     * Holds the kernel still, its persistent loop stopped at a message boundary, for the context
     * to load or unload code: a module load waits for every running kernel of the context.
     * {@link #resume()} undoes it.
     */
    void pause() {
        turn.lock();
    }

    /** Lets the kernel go on after {@link #pause()}, its loop relaunched where it stopped. */
    void resume() {
        turn.unlock();
    }

    @Override
    public void wake() {
        if (Thread.currentThread() != assistant) { // a caller's own dispatch asks for a wake-up it need not pay for
            LockSupport.unpark(gate);
        }
    }

    /**
     * Fails the kernel: its context broke. The host thread answers what was on the device with
     * errors, reports the failure and stops.
     *
     * @param reason why
     */
    void lose(String reason) {
        lost = reason;
        LockSupport.unpark(gate);
    }

    @Override
    public boolean terminate(Duration timeout) {
        controlBlock.requestActive(false);
        controlBlock.requestTerminate();
        wake();
        try {
            gate.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        releaseMemory();
        owner.ended(this);
        controlBlock.markTerminated();
        return true;
    }

    /** Releases the mapped memory the subclass shares with the device, once the kernel has stopped. */
    protected abstract void releaseMemory();

    private void gate() {
        try {
            owner.current();
            serve();
            if (lost == null) {
                finish();
            }
        } catch (CudaException e) {
            owner.deviceFault(this, e);
        } catch (RuntimeException | LinkageError e) {
            lose("the CUDA kernel's host thread failed: " + e);
        }
        turn.lock(); // a caller's assist that began before the kernel stopped has ended
        try {
            if (lost != null) {
                failOutstanding(ErrorCode.BACKEND_FAULT, lost);
            }
            exchange.replies().flushOrDrop();
        } finally {
            turn.unlock();
        }
        if (lost != null) {
            signals.failed(new IllegalStateException(lost));
        }
    }

    /** Terminating: stops the device work and answers, or abandons, what the device took. */
    protected abstract void finish();

    private void serve() {
        long idleSince = 0;
        int spins = 0;
        while (!controlBlock.terminateRequested() && lost == null) {
            // while callers collect, the host thread stands aside, and parks as if idle if they go on
            boolean stepped = !assistedLately() && takeTurn();
            boolean progressed = false;
            if (stepped) {
                try {
                    progressed = step();
                    controlBlock.beat();
                } finally {
                    turn.unlock();
                }
            }
            if (progressed) {
                signals.outputCommitted();
                idleSince = 0;
                continue;
            }
            if (++spins % SPINS_PER_DEVICE_CHECK == 0) {
                checkDevice();
            }
            if (stepped && awaitingDevice()) {
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

    /** @return whether a waiting caller offered to assist within {@link #ASSIST_HOLD_NANOS} */
    private boolean assistedLately() {
        return System.nanoTime() - assistedAt < ASSIST_HOLD_NANOS;
    }

    /**
     * Takes the turn for the host thread, waiting for it unless a caller may hold it to assist.
     *
     * @return false if a caller may hold it to assist
     */
    private boolean takeTurn() {
        if (turn.tryLock()) {
            return true;
        }
        if (assistedLately()) {
            return false;
        }
        turn.lock();
        return true;
    }

    /**
     * Does one {@link #callerStep()} of the host's work on a waiting caller's thread, if the kernel
     * is {@link #assistable()}, the turn is free and the kernel still serves. While callers keep
     * offering, the host thread stands aside (and parks if they go on), so the two do not contend
     * for the turn; it takes over once they stop; the runtime's requests to wake it, made by the
     * caller's own dispatch of what the step wrote, are dropped. A step that throws fails the
     * kernel, as one on the host thread does.
     */
    @Override
    public final boolean assist() {
        if (!assistable()) {
            return false;
        }
        long now = System.nanoTime();
        if (now - assistedAt > ASSIST_NOTE_NANOS) {
            assistedAt = now;
        }
        if (!turn.tryLock()) {
            return false;
        }
        assistant = Thread.currentThread();
        try {
            boolean progressed;
            try {
                progressed = lost == null && !controlBlock.terminateRequested() && callerStep();
                controlBlock.beat();
            } catch (RuntimeException e) {
                lose("a caller's collection for the CUDA kernel failed: " + e);
                return false;
            } finally {
                turn.unlock();
            }
            if (progressed) {
                signals.outputCommitted();
            }
            return progressed;
        } finally {
            assistant = null;
        }
    }

    /**
     * One step of the host's work for a waiting caller ({@link #assist()}), with the turn held: it
     * may touch host memory only, make no CUDA call and never wait. None by default.
     *
     * @return true if it moved anything
     */
    protected boolean callerStep() {
        return false;
    }

    /**
     * Moves messages to the device and answers what came back, with the turn held.
     *
     * @return true if anything moved
     */
    protected abstract boolean step();

    /** @return true if the host knows of device work it waits for, so it keeps polling */
    protected abstract boolean awaitingDevice();

    /**
     * Answers, with an error, every message the device took and did not answer.
     *
     * @param code the error
     * @param detail why
     */
    protected abstract void failOutstanding(ErrorCode code, String detail);

    /** @return false if the kernel is stopping and the rest of the replies are abandoned */
    protected final boolean awaitOutputRoom() {
        return exchange.awaitReplyRoom(() -> controlBlock.terminateRequested() || lost != null);
    }

    /** @throws CudaException if the kernel's stream reports an error: the device faulted */
    protected final void checkDevice() {
        int status = cuStreamQuery(stream);
        if (status != CUresult.CUDA_SUCCESS && status != CUresult.CUDA_ERROR_NOT_READY) {
            throw new CudaException(status, "kernel '" + kernelId + "' on the device");
        }
    }
}
