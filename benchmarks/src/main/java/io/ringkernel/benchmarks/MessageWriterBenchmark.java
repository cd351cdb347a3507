package io.ringkernel.benchmarks;

import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageWriter;
import io.ringkernel.protocol.RecordHandler;
import io.ringkernel.protocol.RingDescriptor;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the runtime's sender pays to write messages into a ring that another core reads: one
 * thread writes runs of {@value #RUN} messages of one type and length
 * ({@link MessageWriter#tryWriteRun(ManyToOneSlotRing, HeaderFields, int, ByteBuffer, boolean)},
 * as {@code sendEncoded} does), another reads each record's last word, as a consumer that stages
 * the records does, and frees the slots. {@link MessageCount} counts messages written per second. The
 * ring is the default input queue: 4,096 slots of 128 bytes.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MessageWriterBenchmark {
    /** Messages per run. */
    static final int RUN = 256;
    private static final int CAPACITY = 4096;
    private static final int SLOT_SIZE = 128;

    /** Payload bytes per message. */
    @Param({"64", "256"})
    public int payloadBytes;

    private ManyToOneSlotRing ring;
    private ByteBuffer payloads;
    private HeaderFields template;
    private long seen;
    private final RecordHandler reader = (buffer, offset, length) -> seen += buffer.getLong(offset + length - Long.BYTES);

    /** Builds the ring and a run's payloads. */
    @Setup(Level.Trial)
    public void start() {
        ring = new ManyToOneSlotRing(ByteBuffer.allocateDirect((int) RingDescriptor.requiredBytes(CAPACITY, SLOT_SIZE)),
                CAPACITY, SLOT_SIZE);
        payloads = ByteBuffer.allocateDirect(RUN * payloadBytes);
        template = new HeaderFields(1, 0, 1, 0, 0, 1, 1, payloadBytes, (short) 0, (byte) 0);
    }

    /** @param written the message counter */
    @Benchmark
    @Group("ring")
    public void write(MessageCount written) {
        if (MessageWriter.tryWriteRun(ring, template, RUN, payloads, true) == ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
            Thread.onSpinWait();
        } else {
            written.messages += RUN;
        }
    }

    /** @return the words read so far, so the reads are not optimised away */
    @Benchmark
    @Group("ring")
    public long read() {
        if (ring.read(reader, Integer.MAX_VALUE) == 0) {
            Thread.onSpinWait();
        }
        return seen;
    }
}
