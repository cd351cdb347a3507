package io.ringkernel.benchmarks;

import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.RecordHandler;
import io.ringkernel.protocol.RingDescriptor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
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
 * Messages per second through one ring: {@code producers} background threads offer 32-byte
 * messages as fast as they can; the benchmark thread is the single consumer and counts one
 * operation per message read. Our many-to-one slot ring against Agrona's ring buffers
 * (OneToOneRingBuffer for one producer, ManyToOneRingBuffer for several), both 512 KiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class RingBufferBenchmark {
    private static final int RING_BYTES = 512 * 1024;
    private static final int SLOT_SIZE = 128;
    private static final int MESSAGE_BYTES = 32;

    /** Which ring. */
    @Param({"ringkernel", "agrona"})
    public String impl;

    /** How many producer threads. */
    @Param({"1", "4"})
    public int producers;

    private Ring ring;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> producerThreads = new ArrayList<>();

    /** Builds the ring and starts the producers. */
    @Setup(Level.Trial)
    public void start() {
        ring = "agrona".equals(impl) ? new AgronaRing(producers) : new SlotRing();
        running.set(true);
        for (int i = 0; i < producers; i++) {
            Thread producer = new Thread(() -> {
                ByteBuffer message = ByteBuffer.allocateDirect(MESSAGE_BYTES);
                UnsafeBuffer view = new UnsafeBuffer(message);
                while (running.get()) {
                    if (!ring.offer(message, view)) {
                        Thread.onSpinWait();
                    }
                }
            }, "producer-" + i);
            producer.setDaemon(true);
            producer.start();
            producerThreads.add(producer);
        }
    }

    /** Stops the producers. */
    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        running.set(false);
        for (Thread producer : producerThreads) {
            producer.join();
        }
    }

    /** @return bytes seen, so the read is not optimised away */
    @Benchmark
    public int consumeOne() {
        int bytes;
        while ((bytes = ring.pollOne()) < 0) {
            Thread.onSpinWait();
        }
        return bytes;
    }

    /** The two rings behind one face. */
    private interface Ring {
        boolean offer(ByteBuffer message, UnsafeBuffer view);

        /** @return bytes of the message read, or -1 if none was ready */
        int pollOne();
    }

    /** Ours: claim slots, copy the payload after the 64-byte header, commit. */
    private static final class SlotRing implements Ring {
        private final ManyToOneSlotRing ring;
        private final RecordHandler handler = (buffer, offset, length) -> lastLength = length;
        private int lastLength = -1;

        SlotRing() {
            int capacity = RING_BYTES / SLOT_SIZE;
            ring = new ManyToOneSlotRing(ByteBuffer.allocateDirect((int) RingDescriptor.requiredBytes(capacity, SLOT_SIZE)),
                    capacity, SLOT_SIZE);
        }

        @Override
        public boolean offer(ByteBuffer message, UnsafeBuffer view) {
            long position = ring.tryClaim(MESSAGE_BYTES);
            if (position == ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
                return false;
            }
            ring.buffer().put(ring.offset(position) + 64, message, 0, MESSAGE_BYTES);
            ring.commit(position, MESSAGE_BYTES);
            return true;
        }

        @Override
        public int pollOne() {
            lastLength = -1;
            ring.read(handler, 1);
            return lastLength;
        }
    }

    /** Agrona's: write() copies the message into a claimed record. */
    private static final class AgronaRing implements Ring {
        private final RingBuffer ring;
        private final MessageHandler handler = (type, buffer, index, length) -> lastLength = length;
        private int lastLength = -1;

        AgronaRing(int producers) {
            UnsafeBuffer memory = new UnsafeBuffer(ByteBuffer.allocateDirect(
                    RING_BYTES + org.agrona.concurrent.ringbuffer.RingBufferDescriptor.TRAILER_LENGTH));
            ring = producers == 1 ? new OneToOneRingBuffer(memory) : new ManyToOneRingBuffer(memory);
        }

        @Override
        public boolean offer(ByteBuffer message, UnsafeBuffer view) {
            return ring.write(1, view, 0, MESSAGE_BYTES);
        }

        @Override
        public int pollOne() {
            lastLength = -1;
            ring.read(handler, 1);
            return lastLength;
        }
    }
}
