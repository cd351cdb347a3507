package io.ringkernel.runtime.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/** Calls waiting for their reply, by correlation id. */
final class PendingCalls {
    private final Map<Long, CompletableFuture<Object>> waiting = new ConcurrentHashMap<>();

    /** @param correlationId the call's id @return the future its reply completes */
    CompletableFuture<Object> register(long correlationId) {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        waiting.put(correlationId, reply);
        return reply;
    }

    /** @param correlationId a call's id @return its future, now removed, or null if none waits */
    CompletableFuture<Object> remove(long correlationId) {
        return waiting.remove(correlationId);
    }

    /** @param failure makes the exception for each waiting call from its id */
    void failAll(LongFunction<? extends RuntimeException> failure) {
        for (Long id : waiting.keySet()) {
            CompletableFuture<Object> reply = waiting.remove(id);
            if (reply != null) {
                reply.completeExceptionally(failure.apply(id));
            }
        }
    }
}
