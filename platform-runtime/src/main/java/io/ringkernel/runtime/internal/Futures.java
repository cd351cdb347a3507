package io.ringkernel.runtime.internal;

import io.ringkernel.api.RingKernelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Turns futures back into the blocking API's typed exceptions. */
final class Futures {
    /**
     * How long a blocking call spins before it parks: a reply from a GPU kernel or a busy CPU
     * kernel often comes within microseconds, and waking a parked thread costs about as much again.
     */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private Futures() {
    }

    static <T> T await(String kernelId, CompletableFuture<T> future) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (!future.isDone() && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RingKernelException(kernelId, "interrupted while waiting on kernel '" + kernelId + "'", e);
        } catch (ExecutionException e) {
            throw unwrap(kernelId, e.getCause());
        }
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
