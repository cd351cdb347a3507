package io.ringkernel.benchmarks;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.dashboard.LocalSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * backend, with and without the dashboard's source taking a snapshot of {@link #kernels} kernels
 * (the sink and idle ones) every {@link #pollMillis} ms. The goal: under 2% fewer messages with it.
 *
 * <p>Both settings run in every fork, iteration by iteration, in the order without, with, with,
 * without (ABBA, which cancels a load that drifts steadily). Forks of one setting differ more
 * from each other (±25% on a 16-core machine) than the settings do, so the settings are not
 * compared across forks: each pair of neighbouring iterations shares the JVM, its compiled code,
 * its threads' placement and the machine's load of the moment. The secondary results
 * {@code send:withDashboard} and {@code send:withoutDashboard} count the messages sent in the
 * iterations of each setting; with a warm-up and a measurement count that are multiples of 4,
 * each setting has half the measured iterations, so each figure is half its setting's throughput
 * and their quotient is the throughput ratio. The per-iteration figures ({@code -rf json}) give
 * one ratio per pair of iterations, whose spread is the measurement's.
 *
 * <p>{@code -p pollMillis=1} polls 100 times as often as the dashboard does: a cost too small to
 * see at the dashboard's rate shows at that dose, and a hundredth of it estimates the real one.
 * {@code -p pollMillis=0} is the control: no iteration polls, so its ratio shows how far from 1
 * the method strays by itself. {@link DashboardOverheadReport} runs it and reports the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 64, time = 250, timeUnit = TimeUnit.MILLISECONDS)
@Fork(3)
public class DashboardOverheadBenchmark {
    /** Which iterations poll, by iteration number modulo 4: without, with, with, without. */
    private static final boolean[] POLLING = {false, true, true, false};

    /** Time between snapshots; the dashboard takes one every 100 ms; 0 takes none (the control). */
    @Param({"100"})
    public long pollMillis;

    /** Kernels the runtime holds (one sink, the rest idle), all of which a snapshot reads. */
    @Param({"100"})
    public int kernels;

    private RingKernelRuntime runtime;
    private KernelHandle sink;
    private Payload message;
    private LocalSource source;
    private ScheduledExecutorService poller;
    private ScheduledFuture<?> polling;
    private int iteration;
    /** Whether the dashboard polls during this iteration; set before it starts. */
    private boolean dashboard;

    /** Starts the runtime, the kernels and the (idle) polling thread. */
    @Setup(Level.Trial)
    public void start() {
        runtime = BenchmarkKernels.cpuRuntime();
        sink = runtime.launch("sink", LaunchOptions.defaults().withDefinition(BenchmarkKernels.SINK));
        for (int i = 1; i < kernels; i++) {
            runtime.launch("idle-" + i, LaunchOptions.defaults().withDefinition(BenchmarkKernels.SINK));
        }
        message = Payload.ofSize(64);
        source = new LocalSource(runtime, Optional.empty(), List::of);
        poller = Executors.newSingleThreadScheduledExecutor();
    }

    /** Starts polling if this iteration is one of the dashboard's. */
    @Setup(Level.Iteration)
    public void startIteration() {
        dashboard = POLLING[iteration++ % POLLING.length];
        if (dashboard && pollMillis > 0) {
            polling = poller.scheduleAtFixedRate(source::snapshot, 0, pollMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops polling: between the dashboard's iterations its thread sleeps without a timer. */
    @TearDown(Level.Iteration)
    public void endIteration() {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    /** Stops the polling thread and the runtime. */
    @TearDown(Level.Trial)
    public void stop() {
        poller.shutdownNow();
        runtime.shutdown();
    }

    /**
     * @param messages counts the message under the iteration's setting
     * @return the message id
     */
    @Benchmark
    public long send(Messages messages) {
        long id = sink.send(message);
        if (dashboard) {
            messages.withDashboard++;
        } else {
            messages.withoutDashboard++;
        }
        return id;
    }

    /** Messages sent in the iterations of each setting; JMH reports each as a throughput. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Messages {
        /** Sent while the dashboard polled. */
        public long withDashboard;
        /** Sent while it did not. */
        public long withoutDashboard;

        /** Counts from zero in each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            withDashboard = 0;
            withoutDashboard = 0;
        }
    }
}
