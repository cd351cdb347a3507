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
 * Messages per second through one ring: {@code producers} background threads offer messages as
 * fast as they can (yielding while the ring is full); the benchmark thread is the single
 * consumer: each invocation reads the messages that are ready, up to {@link #BATCH}, as a real
 * consumer does, and the {@link MessageCount} counter reports messages per second. Both rings carry the same message — a
 * 64-byte protocol header and a 32-byte payload: our many-to-one slot ring holds it in one
 * 128-byte slot (the header is the record's own header), Agrona's ring buffers (OneToOneRingBuffer
 * for one producer, ManyToOneRingBuffer for several) as a 96-byte record body. Both rings are
 * 512 KiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class RingBufferBenchmark {
    private static final int RING_BYTES = 512 * 1024;
    private static final int SLOT_SIZE = 128;
    private static final int PAYLOAD_BYTES = 32;
    private static final int MESSAGE_BYTES = 64 + PAYLOAD_BYTES;
    private static final int AFTER_COMMIT_WORD = MESSAGE_BYTES - 8;
    /** Most messages one read takes. */
    static final int BATCH = 256;

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
                        Thread.yield();
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

    /**
     * @param delivered the message counter
     * @return bytes seen, so the reads are not optimised away
     */
    @Benchmark
    public long consume(MessageCount delivered) {
        int read = ring.poll();
        if (read == 0) {
            Thread.onSpinWait();
        }
        delivered.messages += read;
        return ring.bytesSeen();
    }

    /** The two rings behind one face. */
    private interface Ring {
        boolean offer(ByteBuffer message, UnsafeBuffer view);

        /** @return messages read, at most {@link #BATCH} */
        int poll();

        /** @return bytes of all messages read so far */
        long bytesSeen();
    }

    /** Ours: claim a slot, write header fields and payload after the commit word, commit. */
    private static final class SlotRing implements Ring {
        private final ManyToOneSlotRing ring;
        private long bytes;
        private final RecordHandler handler = (buffer, offset, length) -> bytes += length;

        SlotRing() {
            int capacity = RING_BYTES / SLOT_SIZE;
            ring = new ManyToOneSlotRing(ByteBuffer.allocateDirect((int) RingDescriptor.requiredBytes(capacity, SLOT_SIZE)),
                    capacity, SLOT_SIZE);
        }

        @Override
        public boolean offer(ByteBuffer message, UnsafeBuffer view) {
            long position = ring.tryClaim(PAYLOAD_BYTES);
            if (position == ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
                return false;
            }
            ring.buffer().put(ring.offset(position) + 8, message, 0, AFTER_COMMIT_WORD);
            ring.commit(position, PAYLOAD_BYTES);
            return true;
        }

        @Override
        public int poll() {
            return ring.read(handler, BATCH);
        }

        @Override
        public long bytesSeen() {
            return bytes;
        }
    }

    /** Agrona's: write() copies the message into a claimed record. */
    private static final class AgronaRing implements Ring {
        private final RingBuffer ring;
        private long bytes;
        private final MessageHandler handler = (type, buffer, index, length) -> bytes += length;

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
        public int poll() {
            return ring.read(handler, BATCH);
        }

        @Override
        public long bytesSeen() {
            return bytes;
        }
    }
}
