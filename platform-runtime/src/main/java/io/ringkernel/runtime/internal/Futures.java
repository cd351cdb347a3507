package io.ringkernel.runtime.internal;

import io.ringkernel.api.RingKernelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns futures back into the blocking API's typed exceptions. */
final class Futures {
    private Futures() {
    }

    static <T> T await(String kernelId, CompletableFuture<T> future) {
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
