package io.ringkernel.benchmarks;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Messages per second end to end on the CPU backend: one thread sends to a kernel whose handler
 * consumes each message and answers nothing, one message per call ({@link #send}) or a batch of
 * {@value #BATCH} per call ({@link #sendAll}); both score messages per second. When the sender
 * outruns the kernel the input ring fills and the sender waits, so the rate measured is what the
 * kernel really processes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SendThroughputBenchmark {
    /** Messages per {@code sendAll}. */
    public static final int BATCH = 256;

    /** Payload bytes. */
    @Param({"64", "4096"})
    public int payloadBytes;

    private RingKernelRuntime runtime;
    private KernelHandle sink;
    private Payload message;
    private List<Payload> batch;

    /** Starts the runtime and the sink kernel. */
    @Setup(Level.Trial)
    public void start() {
        runtime = BenchmarkKernels.cpuRuntime();
        sink = runtime.launch("sink", LaunchOptions.defaults().withDefinition(BenchmarkKernels.SINK));
        message = new Payload(new byte[payloadBytes]);
        batch = Collections.nCopies(BATCH, message);
    }

    /** Checks nothing was lost, then shuts down. */
    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.metrics().processed() < sink.metrics().messagesIn() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        if (sink.metrics().processed() != sink.metrics().messagesIn()) {
            throw new IllegalStateException("sink processed " + sink.metrics().processed() + " of "
                    + sink.metrics().messagesIn() + " messages");
        }
        runtime.shutdown();
    }

    /** @return the message id */
    @Benchmark
    public long send() {
        return sink.send(message);
    }

    /** @return the first message's id */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long sendAll() {
        return sink.sendAll(batch);
    }
}
