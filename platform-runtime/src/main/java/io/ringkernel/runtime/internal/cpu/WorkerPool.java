package io.ringkernel.runtime.internal.cpu;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads every kernel of a CPU context shares, with a watchdog: a kernel whose turn
 * has run longer than the hang limit (the runtime's termination timeout) has a hung handler; the
 * watchdog fails that kernel and adds a thread to the pool for as long as the hung one is held,
 * so a handler that never returns blocks no other kernel.
 */
final class WorkerPool {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService watchdog;
    private final Set<CpuKernel> kernels = ConcurrentHashMap.newKeySet();
    private final long hangLimitNanos;

    /**
     * @param threads worker threads while no handler hangs
     * @param hangLimit how long one turn of a kernel may run before its handler is deemed hung
     */
    WorkerPool(int threads, Duration hangLimit) {
        int pool = POOLS.incrementAndGet();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemons("ringkernel-cpu-" + pool + "-worker-"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemons("ringkernel-cpu-" + pool + "-watchdog-"));
        this.hangLimitNanos = hangLimit.toNanos();
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(hangLimitNanos / 4,
                TimeUnit.MILLISECONDS.toNanos(250)));
        watchdog.scheduleAtFixedRate(this::checkKernels, period, period, TimeUnit.NANOSECONDS);
    }

    /** @param kernel a kernel that runs its turns on this pool, watched until {@link #forget} */
    void watch(CpuKernel kernel) {
        kernels.add(kernel);
    }

    /** @param kernel a kernel that no longer runs here */
    void forget(CpuKernel kernel) {
        kernels.remove(kernel);
    }

    /**
     * @param turn a kernel's turn
     * @throws java.util.concurrent.RejectedExecutionException if the pool is shut down
     */
    void execute(Runnable turn) {
        workers.execute(turn);
    }

    /** A hung handler holds a worker: add one in its place (called by the hung kernel, once). */
    synchronized void compensate() {
        workers.setMaximumPoolSize(workers.getMaximumPoolSize() + 1);
        workers.setCorePoolSize(workers.getCorePoolSize() + 1);
    }

    /** A hung handler gave its worker back: take the added one away again (called by that kernel, once). */
    synchronized void release() {
        workers.setCorePoolSize(workers.getCorePoolSize() - 1);
        workers.setMaximumPoolSize(workers.getMaximumPoolSize() - 1);
    }

    private void checkKernels() {
        long now = System.nanoTime();
        for (CpuKernel kernel : kernels) {
            kernel.failIfHung(now, hangLimitNanos);
        }
    }

    /** Stops the watchdog and the workers, waiting a little for turns in progress. */
    void shutdown() {
        watchdog.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }

    /** Daemon threads named after the pool, so thread dumps show which pool they belong to. */
    private static ThreadFactory daemons(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
