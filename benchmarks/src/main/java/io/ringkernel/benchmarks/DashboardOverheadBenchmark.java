package io.ringkernel.benchmarks;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.dashboard.LocalSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * What the dashboard's telemetry reads cost the runtime: send throughput into a sink on the CPU
 * backend while the dashboard's source takes a snapshot of {@link #kernels} kernels (the sink and
 * idle ones) ten times a second ({@code dashboard=true}), against the same without the dashboard
 * ({@code dashboard=false}), in the same run. The goal: under 2% fewer messages with it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DashboardOverheadBenchmark {
    /** How often the dashboard reads, as it does on screen. */
    static final long POLL_MILLIS = 100;

    /** Whether the dashboard polls. */
    @Param({"false", "true"})
    public boolean dashboard;

    /** Kernels the runtime holds (one sink, the rest idle), all of which a snapshot reads. */
    @Param({"100"})
    public int kernels;

    private RingKernelRuntime runtime;
    private KernelHandle sink;
    private Payload message;
    private ScheduledExecutorService poller;

    /** Starts the runtime, the kernels and, if asked, the dashboard's polling. */
    @Setup(Level.Trial)
    public void start() {
        runtime = BenchmarkKernels.cpuRuntime();
        sink = runtime.launch("sink", LaunchOptions.defaults().withDefinition(BenchmarkKernels.SINK));
        for (int i = 1; i < kernels; i++) {
            runtime.launch("idle-" + i, LaunchOptions.defaults().withDefinition(BenchmarkKernels.SINK));
        }
        message = Payload.ofSize(64);
        if (dashboard) {
            LocalSource source = new LocalSource(runtime, Optional.empty(), List::of);
            poller = Executors.newSingleThreadScheduledExecutor();
            poller.scheduleAtFixedRate(source::snapshot, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops polling and the runtime. */
    @TearDown(Level.Trial)
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
        }
        runtime.shutdown();
    }

    /** @return the message id */
    @Benchmark
    public long send() {
        return sink.send(message);
    }
}
