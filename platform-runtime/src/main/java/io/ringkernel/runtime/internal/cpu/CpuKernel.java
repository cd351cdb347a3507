package io.ringkernel.runtime.internal.cpu;

import io.ringkernel.api.LaunchMode;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.spi.BackendKernel;
import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.KernelSignals;
import io.ringkernel.spi.host.ReplyWriter;
import java.time.Duration;
import java.util.concurrent.Executor;
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
    private final Executor workers;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ReentrantLock turn = new ReentrantLock();

    CpuKernel(CpuCompiledKernel compiled, KernelResources resources, Executor workers, boolean timed) {
        this.input = resources.input();
        this.controlBlock = resources.controlBlock();
        this.processor = new JavaMessageProcessor(compiled.program(), resources, timed);
        this.replies = processor.replies();
        this.output = resources.output();
        this.signals = resources.signals();
        this.workers = workers;
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
            controlBlock.markTerminated();
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
                processBatch();
            }
            controlBlock.beat();
        } finally {
            turn.unlock();
            scheduled.set(false);
        }
        signals.outputCommitted();
        wake();
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
