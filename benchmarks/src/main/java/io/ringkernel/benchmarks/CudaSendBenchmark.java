package io.ringkernel.benchmarks;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.Dim3;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.codec.FixedLayout;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
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
public class CudaSendBenchmark {
    /** Messages per {@code sendAll}. */
    public static final int BATCH = 256;

    /** The backend the sinks run on. */
    @Param({"CUDA", "CPU"})
    public String backend;

    /** Sinks, one per JMH thread. */
    @Param({"1"})
    public int kernels;

    /** Threads of each sink's block: on CUDA, how many slots its loop polls and records it takes a round. */
    @Param({"128"})
    public int block;

    /** Payload bytes per message: the record's byte array plus its 8-byte fixed part. */
    @Param({"64", "256"})
    public int payloadBytes;

    /**
     * The sinks' largest message in bytes, header included; 0 for the runtime's default
     * (64 KiB). On CUDA it bounds how many records the loop takes a round: each needs room for a
     * reply that large, within the kernel's 32 MiB of result entries.
     */
    @Param({"0"})
    public int maxMessageSize;

    private final AtomicInteger nextSender = new AtomicInteger();
    private RingKernelRuntime runtime;
    private final List<KernelHandle> sinks = new ArrayList<>();
    private Payload message;
    private List<Payload> batch;
    private ByteBuffer encodedBatch;

    /** Starts the runtime and the sinks. */
    @Setup(Level.Trial)
    public void start() {
        BackendType type = BackendType.valueOf(backend);
        runtime = BenchmarkKernels.runtime(type);
        for (int i = 0; i < kernels; i++) {
            sinks.add(runtime.launch("sink-" + i, Dim3.ONE, Dim3.of(block), LaunchOptions.defaults()
                    .withDefinition(BenchmarkKernels.SINK).withBackend(type).withMaxMessageSize(maxMessageSize)));
        }
        message = Payload.ofSize(payloadBytes);
        batch = Collections.nCopies(BATCH, message);
        FixedLayout layout = FixedLayout.of(Payload.class);
        encodedBatch = ByteBuffer.allocateDirect(BATCH * payloadBytes);
        for (int i = 0; i < BATCH; i++) {
            layout.encode(message, encodedBatch, i * payloadBytes);
        }
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
