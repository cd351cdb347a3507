package io.ringkernel.benchmarks;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code call()} round trip through the public API on the CPU backend: the caller encodes,
 * writes the input ring, a worker thread runs the echo handler and writes the output ring, the
 * reply is dispatched to the caller. Sample-time mode gives p50/p99. The 64-byte case is the
 * baseline for the 4 KiB one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CallLatencyBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Payload bytes. */
    @Param({"64", "4096"})
    public int payloadBytes;

    private RingKernelRuntime runtime;
    private KernelHandle echo;
    private Payload request;

    /** Starts the runtime and the echo kernel. */
    @Setup(Level.Trial)
    public void start() {
        runtime = BenchmarkKernels.cpuRuntime();
        echo = runtime.launch("echo", LaunchOptions.defaults().withDefinition(BenchmarkKernels.ECHO));
        request = new Payload(new byte[payloadBytes]);
    }

    /** Shuts the runtime down. */
    @TearDown(Level.Trial)
    public void stop() {
        runtime.shutdown();
    }

    /** @return the reply */
    @Benchmark
    public Payload call() {
        return echo.call(request, Payload.class, TIMEOUT);
    }
}
