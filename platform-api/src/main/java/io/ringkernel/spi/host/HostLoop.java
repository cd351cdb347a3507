package io.ringkernel.spi.host;

import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.KernelSignals;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The host thread of an event-driven kernel: it runs the backend's {@link Work#step() step}
 * while the kernel lives, parking when a step finds nothing to do until the runtime wakes it, and
 * takes the kernel's turn lock around each step so that deactivation and hot swaps wait for the
 * step in progress. A step that throws fails the kernel.
 */
public final class HostLoop {
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final ControlBlock controlBlock;
    private final KernelSignals signals;
    private final Work work;
    private final Consumer<Throwable> onFault;
    private final ReentrantLock turn = new ReentrantLock();
    private final Thread thread;

    /** What a backend does on the host thread. */
    public interface Work {

        /**
         * Does the next piece of work, if there is any.
         *
         * @return true if there is more to do right away; false to park until woken
         */
        boolean step();

        /** Finishes what is in flight once the kernel stops; nothing by default. */
        default void finish() {
        }
    }

    /**
     * Starts the thread.
     *
     * @param threadName the thread's name
     * @param resources the kernel's control block and callbacks
     * @param work what the thread does
     * @param onFault told, besides the runtime, when a step throws
     */
    public HostLoop(String threadName, KernelResources resources, Work work, Consumer<Throwable> onFault) {
        this.controlBlock = resources.controlBlock();
        this.signals = resources.signals();
        this.work = work;
        this.onFault = onFault;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts the thread; a step that throws fails the kernel, and only the runtime is told.
     *
     * @param threadName the thread's name
     * @param resources the kernel's control block and callbacks
     * @param work what the thread does
     */
    public HostLoop(String threadName, KernelResources resources, Work work) {
        this(threadName, resources, work, fault -> { });
    }

    /** Starts or resumes consuming the input ring. */
    public void activate() {
        controlBlock.requestActive(true);
        wake();
    }

    /** Stops consuming; returns once the step in progress, if any, has ended and what it had in flight is done. */
    public void deactivate() {
        controlBlock.requestActive(false);
        exclusively(work::finish);
    }

    /**
     * Runs an action between two steps, such as swapping the kernel's code.
     *
     * @param action the action
     */
    public void exclusively(Runnable action) {
        turn.lock();
        try {
            action.run();
        } finally {
            turn.unlock();
        }
    }

    /** Resumes a parked thread. */
    public void wake() {
        LockSupport.unpark(thread);
    }

    /**
     * Asks the kernel to terminate and waits for the thread to end.
     *
     * @param timeout how long to wait
     * @return true if the thread ended in time; the backend may then release what the kernel used
     */
    public boolean stop(Duration timeout) {
        controlBlock.requestActive(false);
        controlBlock.requestTerminate();
        wake();
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void run() {
        try {
            while (!controlBlock.terminateRequested()) {
                boolean busy;
                turn.lock();
                try {
                    busy = work.step();
                    controlBlock.beat();
                } finally {
                    turn.unlock();
                }
                signals.outputCommitted();
                if (!busy) {
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                }
            }
            exclusively(work::finish);
        } catch (RuntimeException | LinkageError e) {
            onFault.accept(e);
            signals.failed(e);
        }
    }
}
