package io.ringkernel.runtime.internal.cpu;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.spi.BackendKernel;
import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.KernelSignals;
import io.ringkernel.spi.host.ReplyWriter;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A kernel on the CPU backend: a persistent actor over its input ring. It is scheduled on the
 * shared worker pool only when it has work, processes up to {@link #BATCH} messages in order,
 * one at a time, and gives the worker back; an idle kernel costs no CPU time.
 */
final class CpuKernel implements BackendKernel, Runnable {
    /** Messages processed per turn on a worker before other kernels get theirs. */
    static final int BATCH = 64;

    private final ManyToOneSlotRing input;
    private final ControlBlock controlBlock;
    private final JavaMessageProcessor processor;
    private final ReplyWriter replies;
    private final ManyToOneSlotRing output;
    private final KernelSignals signals;
    private final WorkerPool workers;
    private final String kernelId;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ReentrantLock turn = new ReentrantLock();
    /*
     * Guarded by this: when the turn in progress began (System.nanoTime, never 0) or 0 between
     * turns, its thread, and whether the watchdog found it hung.
     */
    private long turnStartedAt;
    private Thread turnThread;
    private boolean hung;

    CpuKernel(CpuCompiledKernel compiled, KernelResources resources, WorkerPool workers, boolean timed) {
        this.input = resources.input();
        this.controlBlock = resources.controlBlock();
        this.processor = new JavaMessageProcessor(compiled.program(), resources, timed);
        this.replies = processor.replies();
        this.output = resources.output();
        this.signals = resources.signals();
        this.workers = workers;
        this.kernelId = resources.kernelId();
        workers.watch(this);
    }

    @Override
    public LaunchMode mode() {
        return LaunchMode.PERSISTENT;
    }

    @Override
    public void activate() {
        controlBlock.requestActive(true);
        wake();
    }

    @Override
    public void deactivate() {
        controlBlock.requestActive(false);
        turn.lock();
        turn.unlock();
    }

    @Override
    public void swap(CompiledKernel compiled) {
        turn.lock();
        try {
            processor.load(compiled.program());
        } finally {
            turn.unlock();
        }
    }

    /**
     * Schedules the kernel on the backend's workers. A wake that races the backend leaving (its
     * workers already shut down) is dropped: the kernel is being terminated, and the runtime fails
     * what it still holds with typed errors.
     */
    @Override
    public void wake() {
        if (runnable() && scheduled.compareAndSet(false, true)) {
            try {
                workers.execute(this);
            } catch (RejectedExecutionException stopping) {
                scheduled.set(false);
            }
        }
    }

    @Override
    public boolean terminate(Duration timeout) {
        controlBlock.requestActive(false);
        controlBlock.requestTerminate();
        try {
            if (!turn.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            replies.flushOrDrop();
            controlBlock.markTerminated();
            workers.forget(this);
            return true;
        } finally {
            turn.unlock();
        }
    }

    @Override
    public void run() {
        turn.lock();
        try {
            if (!controlBlock.terminateRequested() && controlBlock.activeRequested() && replies.flush()) {
                startTurn();
                try {
                    processBatch();
                } finally {
                    endTurn();
                }
            }
            controlBlock.beat();
        } finally {
            turn.unlock();
            scheduled.set(false);
        }
        signals.outputCommitted();
        wake();
    }

    private synchronized void startTurn() {
        turnThread = Thread.currentThread();
        turnStartedAt = System.nanoTime() | 1;
    }

    /**
     * Ends a turn. If the watchdog found it hung, the worker it held is taken back from the pool
     * and the interrupt meant for the handler cleared, so the thread serves the pool as before.
     */
    private synchronized void endTurn() {
        turnStartedAt = 0;
        turnThread = null;
        if (hung) {
            Thread.interrupted();
            workers.release();
            workers.forget(this);
        }
    }

    /**
     * Called by the watchdog: fails the kernel if its turn has run longer than the limit. The
     * kernel stops taking messages, the pool adds a worker in place of the one its turn holds,
     * that worker is interrupted (a handler blocked in an interruptible wait gets out), and the
     * kernel's waiting calls fail with {@link ErrorCode#HANDLER_HUNG}.
     *
     * @param now the watchdog's System.nanoTime
     * @param limitNanos how long a turn may run
     */
    synchronized void failIfHung(long now, long limitNanos) {
        long startedAt = turnStartedAt;
        if (hung || startedAt == 0 || now - startedAt <= limitNanos) {
            return;
        }
        hung = true;
        controlBlock.requestActive(false);
        workers.compensate();
        Thread thread = turnThread;
        signals.failed(ErrorCode.HANDLER_HUNG, new IllegalStateException("the handler of kernel '" + kernelId
                + "' has run one turn for more than " + TimeUnit.NANOSECONDS.toMillis(limitNanos)
                + " ms (the termination timeout) and is deemed hung; its thread " + thread.getName()
                + " was interrupted and another worker added in its place"));
        thread.interrupt();
    }

    private void processBatch() {
        for (int processed = 0; processed < BATCH && !replies.parked(); processed++) {
            if (!controlBlock.activeRequested() || input.read(processor, 1) == 0) {
                return;
            }
        }
    }

    /**
     * Whether a turn would make progress: new input, or a parked reply and an output ring the
     * host has emptied. Read after {@code scheduled} is cleared, so a wake that raced with the
     * end of a turn is never lost.
     */
    private boolean runnable() {
        if (!controlBlock.activeRequested() || controlBlock.terminateRequested()) {
            return false;
        }
        return replies.parked() ? output.depth() == 0 : input.hasCommitted();
    }
}
