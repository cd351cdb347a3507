package io.ringkernel.benchmarks;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.Dim3;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 * {@code call()} round trips through the public API on the CUDA backend: the echo
 * ({@link BenchmarkKernels#ECHO}) as a {@link LaunchMode#PERSISTENT persistent} kernel against the
 * same echo {@link LaunchMode#EVENT_DRIVEN event-driven}, one launch and synchronize per call, in
 * the same run. Sample time in µs, so JMH reports p50 and p99. Setup fails, naming the reason,
 * where CUDA cannot run.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CudaCallBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How the echo runs. */
    @Param({"PERSISTENT", "EVENT_DRIVEN"})
    public String mode;

    /** Payload bytes of the request: the record's byte array plus its 8-byte fixed part. */
    @Param({"64"})
    public int payloadBytes;

    /** Threads of the echo's block. */
    @Param({"128"})
    public int block;

    /**
     * Microseconds each call waits before it is sent (not timed): 0 for calls back to back; 1,000
     * for sporadic calls, which find the kernel's host thread parked.
     */
    @Param({"0"})
    public int pauseMicros;

    /** How the caller waits out the pause. */
    @Param({"PARK"})
    public Pause pauseBy;

    private RingKernelRuntime runtime;
    private KernelHandle echo;
    private Payload request;

    /**
     * Starts the runtime on CUDA and the echo in the chosen mode, and checks one reply.
     *
     * @throws IllegalStateException if CUDA cannot run here, or the echo runs elsewhere or answers wrongly
     */
    @Setup(Level.Trial)
    public void start() {
        runtime = BenchmarkKernels.runtime(BackendType.CUDA);
        LaunchMode launchMode = LaunchMode.valueOf(mode);
        echo = runtime.launch("echo", Dim3.ONE, Dim3.of(block), LaunchOptions.defaults()
                .withDefinition(BenchmarkKernels.ECHO).withBackend(BackendType.CUDA).withMode(launchMode));
        if (echo.metrics().backend() != BackendType.CUDA || echo.metrics().mode() != launchMode) {
            throw new IllegalStateException("the echo runs on " + echo.metrics().backend() + " "
                    + echo.metrics().mode() + ", not CUDA " + launchMode);
        }
        request = Payload.ofSize(payloadBytes);
        Payload reply = echo.call(request, Payload.class, TIMEOUT);
        if (!Arrays.equals(reply.data(), request.data())) {
            throw new IllegalStateException("the CUDA echo answered bytes that differ from those sent");
        }
    }

    /** Leaves the kernel idle for {@link #pauseMicros} before each call, the caller parked or spinning. */
    @Setup(Level.Invocation)
    public void pause() {
        long nanos = TimeUnit.MICROSECONDS.toNanos(pauseMicros);
        if (nanos == 0) {
            return;
        }
        if (pauseBy == Pause.SPIN) {
            long until = System.nanoTime() + nanos;
            while (System.nanoTime() - until < 0) {
                Thread.onSpinWait();
            }
        } else {
            LockSupport.parkNanos(nanos);
        }
    }

    /** Shuts the runtime down. */
    @TearDown(Level.Trial)
    public void stop() {
        runtime.shutdown();
    }

    /** @return the reply */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Payload call() {
        return echo.call(request, Payload.class, TIMEOUT);
    }

    /**
     * How a caller waits out its pause: parked, as an idle caller does (its core may sleep), or
     * spinning (its core stays busy), which tells the runtime's part of a sporadic call from the
     * caller's core waking up.
     */
    public enum Pause {
        /** {@code LockSupport.parkNanos}. */
        PARK,
        /** A busy wait. */
        SPIN
    }
}
