package io.ringkernel.protocol;

import static io.ringkernel.protocol.ManyToOneSlotRing.INSUFFICIENT_CAPACITY;
import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_ID_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_TYPE_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PAYLOAD_LENGTH_OFFSET;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class ManyToOneSlotRingPropertiesTest {
    private static final int TYPE = 1;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);

    /**
     * Drives one ring from one thread and checks it against a model of positions: every claim
     * lands where the model says (or is refused exactly when the model's ring has no room), and
     * every read hands over exactly the records the model expects, with their bytes.
     */
    @Property(tries = 400)
    void shouldDeliverEveryMessageExactlyOnceInOrderWithIntactBytes(@ForAll("scenarios") Scenario scenario) {
        ManyToOneSlotRing ring = TestMemory.ring(scenario.capacity(), scenario.slotSize());
        RingModel model = new RingModel(scenario.capacity(), scenario.slotSize());
        List<Long> sent = new ArrayList<>();
        List<Long> delivered = new ArrayList<>();

        for (Step step : scenario.steps()) {
            if (step instanceof Send send) {
                long expected = model.claim(send.payloadLength(), sent.size());
                long position = ring.tryClaim(send.payloadLength());
                assertThat(position).as("claim of %d bytes at tail %d, head %d", send.payloadLength(), model.tail, model.head)
                        .isEqualTo(expected);
                if (position != INSUFFICIENT_CAPACITY) {
                    write(ring, position, sent.size(), send.payloadLength());
                    sent.add((long) sent.size());
                }
            } else if (step instanceof Receive receive) {
                receive(ring, model, receive.limit(), delivered);
            }
        }
        receive(ring, model, Integer.MAX_VALUE, delivered);

        assertThat(delivered).isEqualTo(sent);
        assertThat(ring.depth()).isZero();
        assertThat(ring.hasCommitted()).isFalse();
    }

    /**
     * Several producer threads write through {@link MessageWriter} into a small ring while one
     * consumer thread reads; each producer's messages carry its number and a sequence.
     */
    @Property(tries = 50)
    void shouldDeliverEveryMessageOnceInOrderPerProducer(@ForAll @IntRange(min = 2, max = 4) int producers,
                                                        @ForAll("smallCapacities") int capacity,
                                                        @ForAll("slotSizes") int slotSize,
                                                        @ForAll @IntRange(min = 1, max = 150) int messagesPerProducer,
                                                        @ForAll long sizeSeed) throws Exception {
        ManyToOneSlotRing ring = TestMemory.ring(capacity, slotSize);
        int total = producers * messagesPerProducer;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(producers + 1);
        try {
            List<Future<?>> producing = new ArrayList<>();
            for (int producer = 0; producer < producers; producer++) {
                int source = producer;
                producing.add(threads.submit(() -> {
                    produce(ring, source, messagesPerProducer, new SplittableRandom(sizeSeed + source), start);
                    return null;
                }));
            }
            Future<long[]> consuming = threads.submit(() -> consume(ring, producers, total, start));
            start.countDown();

            for (Future<?> future : producing) {
                future.get(30, TimeUnit.SECONDS);
            }
            long[] received = consuming.get(30, TimeUnit.SECONDS);

            assertThat(received).containsOnly(messagesPerProducer);
            assertThat(ring.depth()).isZero();
        } finally {
            threads.shutdownNow();
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(Arbitraries.of(4, 8, 16, 32, 64), slotSizes()).flatAs((capacity, slotSize) -> {
            Arbitrary<Step> send = payloadLengths(capacity, slotSize).map(Send::new);
            Arbitrary<Step> receive = Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.integers().between(1, 4)),
                    Tuple.of(1, Arbitraries.just(Integer.MAX_VALUE))).map(Receive::new);
            return Arbitraries.frequencyOf(Tuple.of(3, send), Tuple.of(1, receive)).list().ofMaxSize(150)
                    .map(steps -> new Scenario(capacity, slotSize, steps));
        });
    }

    @Provide
    Arbitrary<Integer> slotSizes() {
        return Arbitraries.of(64, 128, 256);
    }

    @Provide
    Arbitrary<Integer> smallCapacities() {
        return Arbitraries.of(4, 8, 16);
    }

    /** Any length up to the maximum, with extra weight on lengths that just fill or just spill a slot. */
    private static Arbitrary<Integer> payloadLengths(int capacity, int slotSize) {
        int max = RingDescriptor.maxPayload(capacity, slotSize);
        List<Integer> boundaries = IntStream.rangeClosed(1, capacity / 2)
                .flatMap(slots -> IntStream.of(-1, 0, 1).map(delta -> slots * slotSize - HEADER_LENGTH + delta))
                .filter(length -> length >= 0 && length <= max)
                .boxed().toList();
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, max)),
                Tuple.of(1, Arbitraries.of(boundaries)));
    }

    private static void receive(ManyToOneSlotRing ring, RingModel model, int limit, List<Long> delivered) {
        List<Entry> expected = model.read(limit);
        List<Long> got = new ArrayList<>();
        int count = ring.read((buffer, offset, recordLength) -> {
            assertThat(got.size()).as("records handed over beyond the %d committed", expected.size())
                    .isLessThan(expected.size());
            Entry entry = expected.get(got.size());
            long sequence = buffer.getLong(offset + MESSAGE_ID_OFFSET);
            int length = buffer.getInt(offset + PAYLOAD_LENGTH_OFFSET);
            assertThat(offset).isEqualTo(ring.offset(entry.position()));
            assertThat(recordLength).isEqualTo(ring.slotsFor(entry.payloadLength()) * ring.slotSize());
            assertThat(sequence).isEqualTo(entry.sequence());
            assertThat(length).isEqualTo(entry.payloadLength());
            byte[] payload = new byte[length];
            buffer.get(offset + HEADER_LENGTH, payload);
            assertThat(payload).as("payload of message %d", sequence)
                    .isEqualTo(content(entry.sequence(), entry.position(), length, ring));
            got.add(sequence);
        }, limit);
        assertThat(count).isEqualTo(expected.size());
        assertThat(ring.head()).isEqualTo(model.head);
        assertThat(ring.tail()).isEqualTo(model.tail);
        assertThat(ring.depth()).isEqualTo(model.tail - model.head);
        delivered.addAll(got);
    }

    private static void write(ManyToOneSlotRing ring, long position, long sequence, int payloadLength) {
        int offset = ring.offset(position);
        ByteBuffer buffer = ring.buffer();
        buffer.putLong(offset + MESSAGE_ID_OFFSET, sequence);
        buffer.putInt(offset + MESSAGE_TYPE_OFFSET, TYPE);
        buffer.putInt(offset + PAYLOAD_LENGTH_OFFSET, payloadLength);
        buffer.put(offset + HEADER_LENGTH, content(sequence, position, payloadLength, ring));
        ring.commit(position, payloadLength);
    }

    /**
     * A message's payload: a pattern of its sequence number, the sequence number itself in the
     * last 8 bytes, and at every slot boundary inside the payload a long that would look like a
     * committed one-slot record when the consumer reaches that slot on the next lap.
     */
    private static byte[] content(long sequence, long position, int length, ManyToOneSlotRing ring) {
        ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < length; i++) {
            bytes.put(i, (byte) (sequence * 131 + i * 7 + 3));
        }
        if (length >= Long.BYTES) {
            bytes.putLong(length - Long.BYTES, sequence);
        }
        for (int slot = 1; slot * ring.slotSize() - HEADER_LENGTH + Long.BYTES <= length; slot++) {
            long nextLap = position + slot + ring.capacity();
            bytes.putLong(slot * ring.slotSize() - HEADER_LENGTH, nextLap + 1);
        }
        return bytes.array();
    }

    private static void produce(ManyToOneSlotRing ring, int source, int messages, SplittableRandom sizes,
                                CountDownLatch start) throws InterruptedException {
        start.await();
        for (int sequence = 0; sequence < messages; sequence++) {
            int length = sizes.nextInt(ring.maxPayload() + 1);
            HeaderFields fields = new HeaderFields(sequence, 0, 0, 0, source, 0, TYPE, length, (short) 0, (byte) 0);
            ByteBuffer payload = ByteBuffer.wrap(concurrentContent(source, sequence, length));
            long deadline = System.nanoTime() + TIMEOUT_NANOS;
            while (MessageWriter.tryWrite(ring, fields, payload) == INSUFFICIENT_CAPACITY) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("producer " + source + " found the ring full for 20 s");
                }
                Thread.yield();
            }
        }
    }

    private static long[] consume(ManyToOneSlotRing ring, int producers, int total, CountDownLatch start)
            throws InterruptedException {
        start.await();
        long[] next = new long[producers];
        int[] received = new int[1];
        MessageHeader header = new MessageHeader();
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (received[0] < total) {
            int read = ring.read((buffer, offset, recordLength) -> {
                header.wrap(buffer, offset);
                assertThat(header.problem(recordLength)).isNull();
                int source = header.sourceKernel();
                long sequence = header.messageId();
                assertThat(sequence).as("sequence from producer %d", source).isEqualTo(next[source]);
                byte[] payload = new byte[header.payloadLength()];
                buffer.get(header.payloadOffset(), payload);
                assertThat(payload).isEqualTo(concurrentContent(source, (int) sequence, payload.length));
                next[source]++;
                received[0]++;
            }, 32);
            if (read == 0) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("only " + received[0] + " of " + total + " messages arrived in 20 s");
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                Thread.yield();
            }
        }
        return next;
    }

    private static byte[] concurrentContent(int source, int sequence, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (source * 61 + sequence * 17 + i);
        }
        return bytes;
    }

    /** Positions as the ring's design defines them, computed independently of the ring. */
    private static final class RingModel {
        private final int capacity;
        private final int slotSize;
        private final ArrayDeque<Entry> committed = new ArrayDeque<>();
        private long tail;
        private long head;

        RingModel(int capacity, int slotSize) {
            this.capacity = capacity;
            this.slotSize = slotSize;
        }

        long claim(int payloadLength, long sequence) {
            int slots = (HEADER_LENGTH + payloadLength + slotSize - 1) / slotSize;
            int index = (int) (tail % capacity);
            int padding = index + slots > capacity ? capacity - index : 0;
            long end = tail + padding + slots;
            if (end - head > capacity) {
                return INSUFFICIENT_CAPACITY;
            }
            if (padding != 0) {
                committed.add(new Entry(-1, tail, tail + padding, 0));
            }
            committed.add(new Entry(sequence, tail + padding, end, payloadLength));
            tail = end;
            return end - slots;
        }

        List<Entry> read(int limit) {
            List<Entry> records = new ArrayList<>();
            while (records.size() < limit && !committed.isEmpty()) {
                Entry entry = committed.poll();
                if (entry.sequence() >= 0) {
                    records.add(entry);
                }
                head = entry.end();
            }
            return records;
        }
    }

    /** A record the model expects; sequence -1 marks padding. */
    private record Entry(long sequence, long position, long end, int payloadLength) {
    }

    sealed interface Step permits Send, Receive {
    }

    record Send(int payloadLength) implements Step {
    }

    record Receive(int limit) implements Step {
    }

    record Scenario(int capacity, int slotSize, List<Step> steps) {
    }
}
