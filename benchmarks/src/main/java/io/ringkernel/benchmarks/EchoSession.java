package io.ringkernel.benchmarks;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The echo kernel ({@link BenchmarkKernels#ECHO}) launched on one backend and device, checked,
 * and driven by the batch benchmarks: one call at a time, or a burst of sends and then their
 * receives. Checks at the end that every message was answered.
 */
final class EchoSession {
    /** Messages per {@link #burst()}. */
    static final int BURST = 256;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RingKernelRuntime runtime;
    private final KernelHandle echo;
    private final Payload request;

    /**
     * Starts a runtime on the backend and device, launches the echo and checks one reply.
     *
     * @param backend the backend the echo runs on
     * @param device the device index within it
     * @param payloadBytes bytes of the request's array
     * @param maxMessageSize the kernel's largest message, header included
     * @throws IllegalStateException if the backend cannot run here, or the echo runs elsewhere or
     *         answers wrongly
     */
    EchoSession(BackendType backend, int device, int payloadBytes, int maxMessageSize) {
        runtime = BenchmarkKernels.runtime(backend, device);
        echo = runtime.launch("echo", LaunchOptions.defaults().withDefinition(BenchmarkKernels.ECHO)
                .withBackend(backend).withMaxMessageSize(maxMessageSize));
        if (echo.metrics().backend() != backend) {
            runtime.shutdown();
            throw new IllegalStateException("the echo runs on " + echo.metrics().backend() + ", not " + backend);
        }
        request = Payload.ofSize(payloadBytes + Payload.FIXED_BYTES);
        Payload reply = echo.call(request, Payload.class, TIMEOUT);
        if (!Arrays.equals(reply.data(), request.data())) {
            runtime.shutdown();
            throw new IllegalStateException("the " + backend + " echo answered " + reply.data().length
                    + " bytes that differ from the " + request.data().length + " sent");
        }
    }

    /** @return the name of the device the echo runs on */
    String deviceName() {
        return echo.metrics().device().name();
    }

    /** @return the reply to one call */
    Payload call() {
        return echo.call(request, Payload.class, TIMEOUT);
    }

    /** @return the sum of the correlation ids of {@value #BURST} replies to as many sends */
    long burst() {
        for (int i = 0; i < BURST; i++) {
            echo.send(request);
        }
        long sum = 0;
        for (int i = 0; i < BURST; i++) {
            sum += echo.receive(TIMEOUT).correlationId();
        }
        return sum;
    }

    /**
     * Checks that every message was answered and no reply is left over, then shuts down.
     *
     * @throws IllegalStateException if messages were lost or replies left unread
     * @throws InterruptedException if interrupted while waiting for the counters to settle
     */
    void stop() throws InterruptedException {
        try {
            if (echo.tryReceive().isPresent()) {
                throw new IllegalStateException("a reply was left unread after the last invocation");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (echo.metrics().processed() < echo.metrics().messagesIn() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            if (echo.metrics().processed() != echo.metrics().messagesIn()) {
                throw new IllegalStateException("the echo processed " + echo.metrics().processed() + " of "
                        + echo.metrics().messagesIn() + " messages");
            }
        } finally {
            runtime.shutdown();
        }
    }
}
