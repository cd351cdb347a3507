package io.ringkernel.benchmarks;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.backend.aparapi.AparapiBackend;
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
 * The Aparapi backend against the CPU and OpenCL backends, in the same run, on the same echo
 * definition ({@link BenchmarkKernels#ECHO}: a Java handler that returns the message, an OpenCL C
 * handler that copies its bytes, and {@link EchoHandler}, the Aparapi handler in Java that copies
 * them from its request columns into its reply columns). {@link #burst()} sends
 * {@value EchoSession#BURST} messages back to back and then receives their replies, reported per
 * message, so the score is messages/s; {@link #call()} is one call at a time, in µs.
 *
 * <p>{@code target} picks backend and device: {@code APARAPI_OPENCL} is Aparapi on the first
 * OpenCL device (device 0; on a machine without one, Aparapi's only device is its Java thread
 * pool, and the setup fails rather than measure it under the wrong name), {@code APARAPI_THREAD_POOL}
 * its Java thread pool. On PoCL, run the jar with {@code LD_PRELOAD=$JAVA_HOME/lib/libjsig.so},
 * as for {@link OpenClBatchBenchmark}.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AparapiBatchBenchmark {

    /** Where the echo runs. */
    @Param({"CPU", "OPENCL", "APARAPI_OPENCL", "APARAPI_THREAD_POOL"})
    public String target;

    /** Payload bytes (the record's byte array; its fixed part adds 8). */
    @Param({"64"})
    public int payloadBytes;

    /**
     * The kernel's largest message, header included. The Aparapi backend sets aside a slice of
     * each array column per message as large as it, so it sets how many messages a batch holds
     * (at most 4 MiB of array columns, and 1,024 messages).
     */
    @Param({"" + RuntimeConfig.DEFAULT_MAX_MESSAGE_SIZE})
    public int maxMessageSize;

    private EchoSession echo;

    /**
     * Starts the runtime on the chosen backend and device and the echo kernel, and checks one reply.
     *
     * @throws IllegalStateException if the backend or device cannot run here, or the echo answers wrongly
     */
    @Setup(Level.Trial)
    public void start() {
        echo = switch (target) {
            case "CPU" -> new EchoSession(BackendType.CPU, 0, payloadBytes, maxMessageSize);
            case "OPENCL" -> new EchoSession(BackendType.OPENCL, 0, payloadBytes, maxMessageSize);
            case "APARAPI_OPENCL" -> onAparapiOpenCl();
            case "APARAPI_THREAD_POOL" -> new EchoSession(BackendType.APARAPI, threadPool(), payloadBytes,
                    maxMessageSize);
            default -> throw new IllegalArgumentException("unknown target " + target);
        };
    }

    private EchoSession onAparapiOpenCl() {
        EchoSession session = new EchoSession(BackendType.APARAPI, 0, payloadBytes, maxMessageSize);
        if (!session.deviceName().endsWith("(Aparapi, OpenCL)")) {
            String device = session.deviceName();
            try {
                session.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Aparapi has no OpenCL device here; its device 0 is " + device);
        }
        return session;
    }

    private static int threadPool() {
        return new AparapiBackend().devices().size() - 1;
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
    @OperationsPerInvocation(EchoSession.BURST)
    public long burst() {
        return echo.burst();
    }
}
