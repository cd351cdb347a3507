package io.ringkernel.benchmarks;

import io.ringkernel.api.KernelHandle;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Send throughput into persistent CUDA kernels through the public API: JMH threads send to sinks
 * ({@link BenchmarkKernels#SINK}), whose CUDA handler takes the message and answers nothing; a
 * full input queue makes the sender wait, so the score is the rate the kernels take messages at.
 * {@link #send} sends one message per call, {@link #sendAll} a batch of {@value #BATCH} per call,
 * {@link #sendEncoded} the same batch encoded once, in setup, into one buffer (no object encoded
 * per message); all score messages per second. With as many threads as kernels
 * ({@code -t 8 -p kernels=8}) each thread has a kernel of its own; more threads share them round
 * robin ({@code -t 8 -p kernels=1}: eight senders into one kernel, whose input ring takes many
 * producers). With {@code -p backend=CPU} the same sink runs on the CPU backend, the baseline in
 * the same run.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CudaSendBenchmark extends SinkFleet {
    private final AtomicInteger nextSender = new AtomicInteger();
    private List<Payload> batch;

    /** Starts the runtime and the sinks. */
    @Setup(Level.Trial)
    public void start() {
        launchSinks(UnaryOperator.identity());
        batch = Collections.nCopies(BATCH, message);
    }

    /**
     * Checks that the sinks took every message, then shuts down.
     *
     * @throws InterruptedException if interrupted while waiting for the sinks to drain
     */
    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        try {
            for (KernelHandle sink : sinks) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (sink.metrics().processed() < sink.metrics().messagesIn() && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                if (sink.metrics().processed() != sink.metrics().messagesIn()) {
                    throw new IllegalStateException(sink.id() + " processed " + sink.metrics().processed() + " of "
                            + sink.metrics().messagesIn() + " messages");
                }
            }
        } finally {
            runtime.shutdown();
        }
    }

    /** The sink a JMH thread sends to: thread i takes sink i modulo the number of sinks. */
    @State(Scope.Thread)
    public static class Sender {
        KernelHandle sink;

        /** @param benchmark the shared state whose sinks are handed out one per thread */
        @Setup(Level.Trial)
        public void pick(CudaSendBenchmark benchmark) {
            sink = benchmark.sinks.get(benchmark.nextSender.getAndIncrement() % benchmark.sinks.size());
        }
    }

    /** @param sender this thread's sink */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void send(Sender sender) {
        sender.sink.send(message);
    }

    /** @param sender this thread's sink */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void sendAll(Sender sender) {
        sender.sink.sendAll(batch);
    }

    /** @param sender this thread's sink */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void sendEncoded(Sender sender) {
        sender.sink.sendEncoded(Payload.class, encodedBatch, BATCH);
    }
}
