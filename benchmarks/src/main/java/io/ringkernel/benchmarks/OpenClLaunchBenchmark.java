package io.ringkernel.benchmarks;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.backend.opencl.KernelIsolation;
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
 * What an OpenCL kernel's life costs with a worker process per kernel ({@code isolation=PROCESS},
 * the default) against one driven from the platform's own process ({@code NONE}), in the same
 * run: each invocation launches the echo ({@link BenchmarkKernels#ECHO}) on OpenCL, calls it once
 * (so its program is built and its first batch has run where the kernel runs) and terminates it.
 * With a worker, that is a JVM started, the device opened and the program built there, and the
 * worker ended. Fails its setup, naming the reason, where OpenCL cannot run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class OpenClLaunchBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Where the kernel's device work runs from: a {@link KernelIsolation} name. */
    @Param({"PROCESS", "NONE"})
    public String isolation;

    private RingKernelRuntime runtime;
    private Payload request;
    private int launched;

    /** Starts a runtime whose OpenCL backend isolates kernels as the parameter says. */
    @Setup(Level.Trial)
    public void start() {
        System.setProperty(KernelIsolation.PROPERTY, isolation);
        runtime = BenchmarkKernels.runtime(BackendType.OPENCL);
        request = Payload.ofSize(64 + Payload.FIXED_BYTES);
    }

    /** @return the echoed request */
    @Benchmark
    public Payload launchCallTerminate() {
        KernelHandle kernel = runtime.launch("echo-" + launched++,
                LaunchOptions.defaults().withDefinition(BenchmarkKernels.ECHO).withBackend(BackendType.OPENCL));
        try {
            return kernel.call(request, Payload.class, TIMEOUT);
        } finally {
            kernel.terminate();
        }
    }

    /** Shuts the runtime down. */
    @TearDown(Level.Trial)
    public void stop() {
        runtime.shutdown();
        System.clearProperty(KernelIsolation.PROPERTY);
    }
}
