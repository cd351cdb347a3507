package io.ringkernel.benchmarks;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.backend.opencl.KernelIsolation;
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
 * The OpenCL backend (event-driven: a host thread per kernel takes what is queued, one launch
 * per batch) against the CPU backend, in the same run, on the same echo definition
 * ({@link BenchmarkKernels#ECHO}: a Java handler that returns the message and an OpenCL C handler
 * that copies its bytes):
 * <ul>
 *   <li>{@link #call()}: one {@code call()} at a time, sample time in µs; on OpenCL every call is
 *       a batch of one.</li>
 *   <li>{@link #burst()}: {@value #BURST} messages sent back to back, then their
 *       {@value #BURST} replies received; reported per message, so the score is messages/s.
 *       On OpenCL the kernel's thread batches what has queued by the time it looks.</li>
 * </ul>
 * {@code backend=OPENCL} fails its setup, naming the reason, where OpenCL cannot run; it never
 * falls back to the CPU backend.
 *
 * <p>On PoCL, run the jar with {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so} (signal chaining):
 * PoCL's LLVM installs its own SIGSEGV (and other) handlers over the JVM's, and without chaining
 * a forked JVM died once with exit code 139 and no hs_err file. See docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OpenClBatchBenchmark {
    /** Messages per {@link #burst()} invocation. */
    static final int BURST = EchoSession.BURST;

    /**
     * The backend the echo runs on: {@code OPENCL} with its default, a worker process for the
     * kernel ({@link KernelIsolation#PROCESS}); {@code OPENCL_IN_PROCESS} with the kernel's device
     * work in the benchmark's own process ({@link KernelIsolation#NONE}).
     */
    @Param({"CPU", "OPENCL", "OPENCL_IN_PROCESS"})
    public String backend;

    /** Payload bytes (the record's byte array; its fixed part adds 8). */
    @Param({"64"})
    public int payloadBytes;

    /**
     * The kernel's largest message, header included; the runtime's default unless set with
     * {@code -p maxMessageSize=…}. The OpenCL backend sizes a batch slot to it, so it sets how many
     * messages a batch holds (at most 4 MiB of slots).
     */
    @Param({"" + RuntimeConfig.DEFAULT_MAX_MESSAGE_SIZE})
    public int maxMessageSize;

    private EchoSession echo;

    /**
     * Starts the runtime on the chosen backend and the echo kernel, and checks one reply.
     *
     * @throws IllegalStateException if the backend cannot run here, or the echo runs elsewhere or
     *         answers wrongly
     */
    @Setup(Level.Trial)
    public void start() {
        boolean inProcess = backend.equals("OPENCL_IN_PROCESS");
        System.setProperty(KernelIsolation.PROPERTY, (inProcess ? KernelIsolation.NONE : KernelIsolation.PROCESS).name());
        echo = new EchoSession(inProcess ? BackendType.OPENCL : BackendType.valueOf(backend), 0, payloadBytes,
                maxMessageSize);
    }

    /**
     * Checks that every message was answered and no reply is left over, then shuts down.
     *
     * @throws IllegalStateException if messages were lost or replies left unread
     * @throws InterruptedException if interrupted while waiting for the counters to settle
     */
    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        echo.stop();
    }

    /** @return the reply */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Payload call() {
        return echo.call();
    }

    /** @return the sum of the replies' correlation ids */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BURST)
    public long burst() {
        return echo.burst();
    }
}
