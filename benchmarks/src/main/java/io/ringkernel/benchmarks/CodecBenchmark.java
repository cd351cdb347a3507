package io.ringkernel.benchmarks;

import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.serializer.kryo.KryoSerializer;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageType;
import java.nio.ByteBuffer;
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

/** Encode then decode one record of primitives and a 16-element array: Kryo against the fixed-layout codec. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

    /** Which serializer. */
    @Param({"kryo", "fixed-layout"})
    public String codec;

    private MessageCodec messageCodec;
    private Reading reading;

    /**
     * The benchmarked record.
     *
     * @param sensorId sensor
     * @param timestamp time of the reading
     * @param value the reading
     * @param window the last readings
     */
    public record Reading(long sensorId, long timestamp, double value, double[] window) {
    }

    /** Builds the codec and the record. */
    @Setup(Level.Trial)
    public void setUp() {
        MessageType<Reading> type = MessageType.of(1, Reading.class, codec, double[].class);
        messageCodec = "kryo".equals(codec) ? new KryoSerializer().codecFor(type) : new FixedLayoutSerializer().codecFor(type);
        double[] window = new double[16];
        for (int i = 0; i < window.length; i++) {
            window[i] = i * 0.5;
        }
        reading = new Reading(42, 1_700_000_000_000L, 21.5, window);
    }

    /** @return the decoded record */
    @Benchmark
    public Object encodeAndDecode() {
        ByteBuffer payload = messageCodec.encode(reading);
        return messageCodec.decode(payload);
    }
}
