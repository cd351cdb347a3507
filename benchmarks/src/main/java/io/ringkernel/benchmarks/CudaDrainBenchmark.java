package io.ringkernel.benchmarks;

import io.ringkernel.api.KernelHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast sinks ({@link BenchmarkKernels#SINK}) take messages that already wait for them, with no
 * sender writing at the same time: before each invocation every sink is deactivated and
 * {@value #MESSAGES_PER_SINK} messages are queued in its input ring ({@value #RING_SLOTS} slots);
 * the invocation activates the sinks together and returns once they have taken every message. On
 * CUDA that is the persistent loop's own pace, the device reading the ring alone; with
 * {@code -p backend=CPU} the same sinks on the CPU backend, the baseline in the same run. The score
 * is the time of one drain: {@code kernels × }{@value #MESSAGES_PER_SINK}{@code  / score} messages a
 * second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class CudaDrainBenchmark extends SinkFleet {
    /** Messages queued for each sink before a drain. */
    public static final int MESSAGES_PER_SINK = 512 * BATCH;
    /** Slots of each sink's input ring: room for the messages of 256 bytes, three slots each. */
    public static final int RING_SLOTS = 1 << 20;
    private static final long DRAIN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private long target;

    /** Starts the runtime and the sinks, each with an input ring of {@value #RING_SLOTS} slots. */
    @Setup(Level.Trial)
    public void start() {
        launchSinks(options -> options.withInputCapacity(RING_SLOTS));
    }

    /** Deactivates the sinks and queues {@value #MESSAGES_PER_SINK} messages for each. */
    @Setup(Level.Invocation)
    public void fill() {
        target = 0;
        for (KernelHandle sink : sinks) {
            sink.deactivate();
            for (int sent = 0; sent < MESSAGES_PER_SINK; sent += BATCH) {
                sink.sendEncoded(Payload.class, encodedBatch, BATCH);
            }
            target += sink.metrics().messagesIn();
        }
    }

    /** Shuts the runtime down. */
    @TearDown(Level.Trial)
    public void stop() {
        runtime.shutdown();
    }

    /**
     * Activates the sinks and waits until they have taken every queued message.
     *
     * @return messages the sinks have taken in all
     * @throws IllegalStateException if they have not taken them within 30 s
     */
    @Benchmark
    public long drain() {
        sinks.forEach(KernelHandle::activate);
        long start = System.nanoTime();
        long processed;
        do {
            processed = 0;
            for (KernelHandle sink : sinks) {
                processed += sink.metrics().processed();
            }
            if (System.nanoTime() - start > DRAIN_LIMIT_NANOS) {
                throw new IllegalStateException("the sinks took " + processed + " of " + target + " messages in 30 s");
            }
        } while (processed < target);
        return processed;
    }
}
