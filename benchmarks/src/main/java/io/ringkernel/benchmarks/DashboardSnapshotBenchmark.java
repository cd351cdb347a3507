package io.ringkernel.benchmarks;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.dashboard.DashboardSnapshot;
import io.ringkernel.dashboard.LocalSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * What one dashboard snapshot of {@link #kernels} echo kernels on the CPU backend costs the thread
 * that takes it: {@link LocalSource#snapshot()}, average time (run with {@code -prof gc} for the
 * bytes it allocates). With {@code replied=false} no kernel has timed a reply since the previous
 * snapshot, as for kernels that only receive sends; with {@code replied=true} each has (one call
 * each, made before the snapshot and not timed), so every kernel's latency percentiles are
 * computed again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DashboardSnapshotBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** Kernels the runtime holds, all of which a snapshot reads. */
    @Param({"100"})
    public int kernels;

    /** Whether every kernel timed a reply since the previous snapshot. */
    @Param({"false", "true"})
    public boolean replied;

    private RingKernelRuntime runtime;
    private final List<KernelHandle> echoes = new ArrayList<>();
    private Payload request;
    private LocalSource source;

    /** Starts the runtime and the kernels, and times one call to each. */
    @Setup(Level.Trial)
    public void start() {
        runtime = BenchmarkKernels.cpuRuntime();
        request = Payload.ofSize(64);
        for (int i = 0; i < kernels; i++) {
            echoes.add(runtime.launch("echo-" + i, LaunchOptions.defaults().withDefinition(BenchmarkKernels.ECHO)));
        }
        callEach();
        source = new LocalSource(runtime, Optional.empty(), List::of);
    }

    /** Before each snapshot when {@link #replied}: one call to each kernel. */
    @Setup(Level.Invocation)
    public void reply() {
        if (replied) {
            callEach();
        }
    }

    private void callEach() {
        for (KernelHandle echo : echoes) {
            echo.call(request, Payload.class, TIMEOUT);
        }
    }

    /** Shuts the runtime down. */
    @TearDown(Level.Trial)
    public void stop() {
        runtime.shutdown();
    }

    /** @return one snapshot of every kernel */
    @Benchmark
    public DashboardSnapshot snapshot() {
        return source.snapshot();
    }
}
