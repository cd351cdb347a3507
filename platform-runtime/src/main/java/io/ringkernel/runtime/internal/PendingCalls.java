package io.ringkernel.runtime.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/** Calls waiting for their reply, by correlation id, each with the message types its request was sent with. */
final class PendingCalls {
    private final Map<Long, Waiting> waiting = new ConcurrentHashMap<>();

    /**
     * @param correlationId the call's id
     * @param generation the message types its request was encoded with, which decode its reply
     * @return the future its reply completes
     */
    CompletableFuture<Object> register(long correlationId, MessageCatalog.Generation generation) {
        Waiting call = new Waiting(new CompletableFuture<>(), generation);
        waiting.put(correlationId, call);
        return call.reply();
    }

    /** @param correlationId a call's id @return the message types of its request, or null if none waits */
    MessageCatalog.Generation generationOf(long correlationId) {
        Waiting call = waiting.get(correlationId);
        return call == null ? null : call.generation();
    }

    /** @param correlationId a call's id @return its future, now removed, or null if none waits */
    CompletableFuture<Object> remove(long correlationId) {
        Waiting call = waiting.remove(correlationId);
        return call == null ? null : call.reply();
    }

    /** @param failure makes the exception for each waiting call from its id */
    void failAll(LongFunction<? extends RuntimeException> failure) {
        for (Long id : waiting.keySet()) {
            CompletableFuture<Object> reply = remove(id);
            if (reply != null) {
                reply.completeExceptionally(failure.apply(id));
            }
        }
    }

    private record Waiting(CompletableFuture<Object> reply, MessageCatalog.Generation generation) {
    }
}
