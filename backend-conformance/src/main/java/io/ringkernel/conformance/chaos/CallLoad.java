package io.ringkernel.conformance.chaos;

import io.ringkernel.api.IllegalKernelStateException;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.RingKernelException;
import io.ringkernel.conformance.Ping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Threads that call a kernel back to back and keep the ledger: calls sent, replies that matched
 * their request, and typed errors by kind. A caller stops when told to, or when the kernel no
 * longer takes messages. A reply that does not match its request fails the load. Its
 * {@link Exchange}s — one call and the check of its reply — also drive the kernels of a
 * {@link ChaosKernel}, whose requests a {@link Ledger} follows.
 */
public final class CallLoad {
    /** One call and the check of its reply. */
    @FunctionalInterface
    public interface Exchange {
        /**
         * @param kernel the kernel to call
         * @param caller which calling thread
         * @param sequence that thread's count of calls so far
         * @param timeout the call's timeout
         * @throws AssertionError when the reply does not match the request
         */
        void call(KernelHandle kernel, int caller, long sequence, Duration timeout);
    }

    /** Calls the conformance kernel with a {@link Ping} numbered after its caller and sequence; expects it unchanged. */
    public static final Exchange PING = (kernel, caller, sequence, timeout) -> {
        Ping request = new Ping(sequence, caller);
        Ping reply = kernel.call(request, Ping.class, timeout);
        if (!reply.equals(request)) {
            throw new AssertionError("call " + request + " was answered with " + reply);
        }
    };

    private final KernelHandle kernel;
    private final Exchange exchange;
    private final Duration timeout;
    private final AtomicBoolean calling = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ExecutorService callers;
    private final List<Future<?>> running = new ArrayList<>();

    private CallLoad(KernelHandle kernel, Exchange exchange, int threads, Duration timeout) {
        this.kernel = kernel;
        this.exchange = exchange;
        this.timeout = timeout;
        this.callers = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int caller = t;
            running.add(callers.submit(() -> call(caller)));
        }
    }

    /**
     * @param kernel any kernel
     * @param exchange one call to it and the check of its reply
     * @param threads how many threads call it
     * @param timeout each call's timeout
     * @return the running load
     */
    public static CallLoad start(KernelHandle kernel, Exchange exchange, int threads, Duration timeout) {
        return new CallLoad(kernel, exchange, threads, timeout);
    }

    private Void call(int caller) {
        for (long i = 0; calling.get(); i++) {
            sent.incrementAndGet();
            try {
                exchange.call(kernel, caller, i, timeout);
                answered.incrementAndGet();
            } catch (IllegalKernelStateException e) {
                errors.computeIfAbsent(kind(e), kind -> new LongAdder()).increment();
                return null;
            } catch (RingKernelException e) {
                errors.computeIfAbsent(kind(e), kind -> new LongAdder()).increment();
            }
        }
        return null;
    }

    /**
     * @param error a typed error
     * @return its kind, as the ledgers count it: a {@link KernelErrorException}'s error code, or
     *         the exception's simple name
     */
    public static String kind(RingKernelException error) {
        return error instanceof KernelErrorException failed ? failed.code().name() : error.getClass().getSimpleName();
    }

    /**
     * @param count how many answered calls to wait for
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitAnswered(long count) throws InterruptedException {
        while (answered.get() < count) {
            Thread.sleep(1);
        }
    }

    /**
     * Stops the callers and waits for them; rethrows what failed in a caller.
     *
     * @throws Exception what failed in a caller
     */
    public void stop() throws Exception {
        calling.set(false);
        try {
            for (Future<?> caller : running) {
                caller.get();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /** @return calls sent */
    public long sent() {
        return sent.get();
    }

    /** @return calls answered with the reply their request expects */
    public long answered() {
        return answered.get();
    }

    /** @return typed errors by kind: an error code, or an exception's simple name */
    public Map<String, Long> errors() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    /** @return all typed errors */
    public long typedErrors() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    public String toString() {
        return sent() + " calls sent, " + answered() + " answered, typed errors " + errors();
    }
}
