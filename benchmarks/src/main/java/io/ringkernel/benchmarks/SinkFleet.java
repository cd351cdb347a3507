package io.ringkernel.benchmarks;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.Dim3;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.codec.FixedLayout;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Sinks ({@link BenchmarkKernels#SINK}: a CUDA handler that takes a message and answers nothing,
 * and its Java twin) for the benchmarks that feed them: the parameters they share, the runtime, the
 * sinks, and a batch of {@value #BATCH} messages encoded once.
 */
@State(Scope.Benchmark)
public abstract class SinkFleet {
    /** Messages per batch. */
    public static final int BATCH = 256;

    /** The backend the sinks run on. */
    @Param({"CUDA", "CPU"})
    public String backend;

    /** How many sinks. */
    @Param({"1"})
    public int kernels;

    /** Threads of each sink's block: on CUDA, how many slots its loop polls and records it takes a round. */
    @Param({"128"})
    public int block;

    /** Payload bytes per message: the record's byte array plus its 8-byte fixed part. */
    @Param({"64", "256"})
    public int payloadBytes;

    /**
     * The sinks' largest message in bytes, header included; 0 for the runtime's default
     * (64 KiB). On CUDA it bounds how many records the loop takes a round: each needs room for a
     * reply that large, within the kernel's 32 MiB of result entries.
     */
    @Param({"0"})
    public int maxMessageSize;

    /** The runtime the sinks run in. */
    protected RingKernelRuntime runtime;
    /** The sinks, in launch order. */
    protected final List<KernelHandle> sinks = new ArrayList<>();
    /** The message every batch holds. */
    protected Payload message;
    /** {@value #BATCH} copies of {@link #message}, encoded back to back. */
    protected ByteBuffer encodedBatch;

    /**
     * Starts the runtime and the sinks, and encodes the batch.
     *
     * @param options what a benchmark adds to each sink's launch options
     */
    protected void launchSinks(UnaryOperator<LaunchOptions> options) {
        BackendType type = BackendType.valueOf(backend);
        runtime = BenchmarkKernels.runtime(type);
        for (int i = 0; i < kernels; i++) {
            sinks.add(runtime.launch("sink-" + i, Dim3.ONE, Dim3.of(block), options.apply(LaunchOptions.defaults()
                    .withDefinition(BenchmarkKernels.SINK).withBackend(type).withMaxMessageSize(maxMessageSize))));
        }
        message = Payload.ofSize(payloadBytes);
        FixedLayout layout = FixedLayout.of(Payload.class);
        encodedBatch = ByteBuffer.allocateDirect(BATCH * payloadBytes);
        for (int i = 0; i < BATCH; i++) {
            layout.encode(message, encodedBatch, i * payloadBytes);
        }
    }
}
