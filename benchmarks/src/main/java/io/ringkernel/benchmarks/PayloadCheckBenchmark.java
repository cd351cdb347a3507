package io.ringkernel.benchmarks;

import io.ringkernel.api.Dim3;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ControlBlockDescriptor;
import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.MessageWriter;
import io.ringkernel.protocol.RingDescriptor;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.protocol.TelemetryDescriptor;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.KernelSignals;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageType;
import io.ringkernel.spi.host.HostBuffer;
import io.ringkernel.spi.host.MessageExchange;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a device backend's host thread spends screening one queued message before its device
 * handler may see it (header, checksum, clock, deadline, type, and that the payload fits its
 * layout): {@code check}, as the backends do it ({@link MessageExchange#screenAndCheck}, the
 * payload's shape checked in place), against {@code decode}, the same screen with the payload
 * decoded into a record that is thrown away, as they did before. The message is a fixed-layout
 * {@link Payload} in a ring in direct memory. No GPU needed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class PayloadCheckBenchmark {
    private static final int TYPE_ID = 1;
    private static final int SLOT_BYTES = 128;
    private static final int SLOTS = 64;

    /** Payload bytes of the message: the record's byte array plus its 8-byte fixed part. */
    @Param({"64", "256"})
    public int payloadBytes;

    private MessageExchange exchange;
    private Map<Integer, MessageCodec> codecs;
    private MessageCodec codec;
    private final MessageHeader header = new MessageHeader();
    private int recordLength;

    /** Writes one message into a ring and wraps its header. */
    @Setup(Level.Trial)
    public void setUp() {
        codec = new FixedLayoutSerializer().codecFor(MessageType.of(TYPE_ID, Payload.class, MessageType.FIXED_LAYOUT));
        codecs = Map.of(TYPE_ID, codec);
        ManyToOneSlotRing input = ring();
        KernelResources resources = new KernelResources("check", 1, LaunchMode.PERSISTENT, Dim3.ONE, Dim3.ONE,
                new ControlBlock(new HostBuffer(ControlBlockDescriptor.LENGTH, ControlBlockDescriptor.ALIGNMENT).hostView(), 0),
                new Telemetry(new HostBuffer(TelemetryDescriptor.LENGTH, TelemetryDescriptor.ALIGNMENT).hostView(), 0),
                input, ring(), new IgnoredSignals());
        exchange = new MessageExchange(resources);
        var payload = codec.encode(Payload.ofSize(payloadBytes));
        HeaderFields fields = new HeaderFields(1, 0, HybridLogicalClock.system(0).tick(), 0, 0, 1, TYPE_ID,
                payload.remaining(), (short) 0, (byte) 0);
        long position = MessageWriter.tryWrite(input, fields, payload);
        header.wrap(input.buffer(), input.offset(position));
        recordLength = input.slotsFor(payload.remaining()) * SLOT_BYTES;
        if (exchange.screenAndCheck(header, recordLength, codecs) != null) {
            throw new IllegalStateException("the benchmark's message does not pass the screen");
        }
    }

    private static ManyToOneSlotRing ring() {
        return new ManyToOneSlotRing(new HostBuffer(RingDescriptor.requiredBytes(SLOTS, SLOT_BYTES),
                RingDescriptor.ALIGNMENT).hostView(), SLOTS, SLOT_BYTES);
    }

    /** @return the screen's verdict (null: admitted) */
    @Benchmark
    public Object check() {
        return exchange.screenAndCheck(header, recordLength, codecs);
    }

    /** @return the screen's verdict and the record decoded to prove the payload fits */
    @Benchmark
    public Object decode() {
        MessageExchange.Rejection rejection = exchange.screen(header, recordLength, codecs::containsKey);
        return rejection != null ? rejection : codec.decode(header.buffer()
                .slice(header.payloadOffset(), header.payloadLength()).asReadOnlyBuffer());
    }

    /** The runtime's callbacks, which a screen that admits the message never makes. */
    private static final class IgnoredSignals implements KernelSignals {
        @Override
        public void outputCommitted() {
            // the benchmark writes no reply
        }

        @Override
        public void failed(Throwable cause) {
            throw new IllegalStateException("the screen failed the benchmark's kernel", cause);
        }
    }
}
