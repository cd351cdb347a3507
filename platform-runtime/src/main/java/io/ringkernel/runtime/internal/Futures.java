package io.ringkernel.runtime.internal;

import io.ringkernel.api.RingKernelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Turns futures back into the blocking API's typed exceptions. */
final class Futures {
    /**
     * How long a blocking call spins before it parks: a reply from a GPU kernel or a busy CPU
     * kernel often comes within microseconds, and waking a parked thread costs about as much again.
     */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private Futures() {
    }

    /**
     * Waits for a future with a timeout of the caller's own, spinning first for up to
     * {@link #SPIN_NANOS}, and while it spins lends its thread to what completes the future. On
     * timeout the future is failed with the timeout's exception, unless it completed in the
     * meantime, whose result is then returned.
     *
     * @param kernelId the kernel, for errors
     * @param future what to wait for
     * @param timeoutNanos how long to wait, in nanoseconds ({@link Long#MAX_VALUE}: for ever)
     * @param onTimeout makes the exception thrown on timeout, and gives up what waited
     * @param assist what this thread does, while it spins, for the work that may complete the future
     * @param <T> the result type
     * @return the result
     */
    static <T> T await(String kernelId, CompletableFuture<T> future, long timeoutNanos,
                       Supplier<? extends RuntimeException> onTimeout, Assist assist) {
        long start = System.nanoTime();
        long spinUntil = start + Math.min(SPIN_NANOS, timeoutNanos);
        while (!future.isDone() && System.nanoTime() - spinUntil < 0) {
            if (!assist.step().getAsBoolean()) {
                Thread.onSpinWait();
            }
        }
        if (!future.isDone()) {
            assist.parking().run();
        }
        try {
            try {
                return future.get(Math.max(0, timeoutNanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                RuntimeException timeout = onTimeout.get();
                if (future.completeExceptionally(timeout)) {
                    throw timeout;
                }
                return future.get(); // it completed while the timeout was being made
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RingKernelException(kernelId, "interrupted while waiting on kernel '" + kernelId + "'", e);
        } catch (ExecutionException e) {
            throw unwrap(kernelId, e.getCause());
        }
    }

    /**
     * What a waiting thread does for the work that completes its future.
     *
     * @param step one step of that work on the waiting thread, while it spins; true if it moved
     *             anything, false to pause a moment before the next
     * @param parking run once if the thread stops spinning before the future completes: whoever
     *                else does the work must then be awake
     */
    record Assist(BooleanSupplier step, Runnable parking) {
        /** Nothing to do: other threads do all the work, awake. */
        static final Assist NONE = new Assist(() -> false, () -> { });
    }

    static RuntimeException unwrap(String kernelId, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new RingKernelException(kernelId, "kernel '" + kernelId + "' failed: " + cause, cause);
    }
}
