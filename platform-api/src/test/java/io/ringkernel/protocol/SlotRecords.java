package io.ringkernel.protocol;

import static io.ringkernel.protocol.MessageHeaderDescriptor.CHECKSUM_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAGS_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_TYPE_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PAYLOAD_LENGTH_OFFSET;

import io.ringkernel.fuzz.FuzzBytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates ring records for the fuzz properties: header and payload bytes as a consumer finds
 * them in a slot. Half are garbage; half are framed by {@link MessageHeader#write} with a
 * random payload, sealed or not, then mutated (bit flips, field overwrites, a reseal afterwards or
 * not), so that many get past the header check and reach the later stages. Use as
 * {@code @ForAll @From(supplier = SlotRecords.class) SlotRecord record}.
 */
public final class SlotRecords implements ArbitrarySupplier<SlotRecords.SlotRecord> {
    /** Largest payload a framed record carries; garbage and the slack behind a payload add up to 64 bytes. */
    public static final int MAX_PAYLOAD = 320;

    /** For {@code @ForAll @From(supplier = SlotRecords.class)}. */
    public SlotRecords() {
    }

    /** @return {@link #slotRecords()} */
    @Override
    public Arbitrary<SlotRecord> get() {
        return slotRecords();
    }

    /**
     * One record as it lies in a ring: its bytes, header first. The ring says the record spans all
     * of them ({@link #recordLength()}), whatever its header claims.
     *
     * @param bytes header and payload area
     */
    public record SlotRecord(byte[] bytes) {
        /** @return the record's length as the ring reports it */
        public int recordLength() {
            return bytes.length;
        }

        /** @return a little-endian buffer over a copy of the bytes, the header at index 0 */
        public ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes.clone()).order(ByteOrder.LITTLE_ENDIAN);
        }

        /** @return the header flyweight over a copy of the bytes */
        public MessageHeader header() {
            return new MessageHeader().wrap(buffer(), 0);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SlotRecord record && Arrays.equals(bytes, record.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "SlotRecord[" + bytes.length + " bytes: " + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /**
     * A message type and payload for a framed record.
     *
     * @param messageType the header's message type
     * @param bytes the payload
     */
    public record Payload(int messageType, byte[] bytes) {
        @Override
        public String toString() {
            return "Payload[type " + messageType + ", " + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /** @return records of 64 to 64 + {@value #MAX_PAYLOAD} + 64 bytes, garbage or framed and mutated */
    public static Arbitrary<SlotRecord> slotRecords() {
        return slotRecords(anyPayloads());
    }

    /**
     * @param payloads what framed records carry, for example valid encodings of a kernel's messages
     * @return records, garbage or framed around one of the payloads and mutated
     */
    public static Arbitrary<SlotRecord> slotRecords(Arbitrary<Payload> payloads) {
        return Arbitraries.oneOf(garbage(), framed(payloads));
    }

    /** @return random bytes, mostly of the padding or error type or a few small user types, else of any type */
    public static Arbitrary<Payload> anyPayloads() {
        Arbitrary<Integer> types = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(0, -1, 1, 2, 3)),
                Tuple.of(1, Arbitraries.integers()));
        return Combinators.combine(types, FuzzBytes.bytes(0, MAX_PAYLOAD)).as(Payload::new);
    }

    /** @return garbage: seven arbitrary longs for header bytes 8..63 (the commit word is the ring's), then arbitrary bytes */
    public static Arbitrary<SlotRecord> garbage() {
        return Combinators.combine(Arbitraries.longs().list().ofSize(7), FuzzBytes.bytes(0, MAX_PAYLOAD + 64))
                .as((words, payload) -> {
                    ByteBuffer buffer = ByteBuffer.allocate(HEADER_LENGTH + payload.length).order(ByteOrder.LITTLE_ENDIAN);
                    for (int i = 0; i < words.size(); i++) {
                        buffer.putLong(8 * (i + 1), words.get(i));
                    }
                    return new SlotRecord(buffer.put(HEADER_LENGTH, payload).array());
                });
    }

    /**
     * @param payloads the payloads to frame
     * @return framed records with one of the payloads and some slack behind it, sealed or not, then mutated
     */
    public static Arbitrary<SlotRecord> framed(Arbitrary<Payload> payloads) {
        Arbitrary<Integer> slack = Arbitraries.integers().between(0, 64);
        Arbitrary<Boolean> sealed = Arbitraries.of(true, false);
        Arbitrary<Boolean> resealed = Arbitraries.of(false, true);
        return Combinators.combine(fields(), payloads, slack, sealed, mutations().list().ofMaxSize(3), resealed)
                .as((fields, payload, extra, seal, mutations, reseal) -> {
                    byte[] bytes = new byte[HEADER_LENGTH + payload.bytes().length + extra];
                    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                    MessageHeader header = new MessageHeader().wrap(buffer, 0).write(withPayload(fields, payload));
                    buffer.put(HEADER_LENGTH, payload.bytes());
                    if (seal) {
                        header.seal();
                    }
                    for (Mutation mutation : mutations) {
                        mutation.apply(buffer);
                    }
                    int payloadLength = header.payloadLength();
                    if (reseal && payloadLength >= 0 && payloadLength <= bytes.length - HEADER_LENGTH) {
                        header.seal();
                    }
                    return new SlotRecord(bytes);
                });
    }

    private static Arbitrary<HeaderFields> fields() {
        Arbitrary<Long> ids = Arbitraries.longs();
        // none, anything, or within 20 s of now either way: on both sides of the most a timestamp may lead a clock
        Arbitrary<Long> nearNow = Arbitraries.longs().between(-20_000, 20_000)
                .map(offset -> HybridLogicalClock.pack(System.currentTimeMillis() + offset, 0));
        Arbitrary<Long> timestamps = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0L)), Tuple.of(1, Arbitraries.longs()),
                Tuple.of(1, nearNow));
        // none, far in the future (after 2109), or anything, negative ones long expired
        Arbitrary<Long> deadlines = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.longs().greaterOrEqual(1L << 58)), Tuple.of(1, Arbitraries.longs()));
        Arbitrary<Integer> kernels = Arbitraries.integers();
        Arbitrary<Short> flags = Arbitraries.shorts();
        Arbitrary<Byte> priorities = Arbitraries.bytes();
        return Combinators.combine(ids, ids, timestamps, deadlines, kernels, kernels, flags, priorities)
                .as((id, correlation, timestamp, deadline, source, destination, flag, priority) -> new HeaderFields(id,
                        correlation, timestamp, deadline, source, destination, 0, 0, flag, priority));
    }

    private static HeaderFields withPayload(HeaderFields fields, Payload payload) {
        return new HeaderFields(fields.messageId(), fields.correlationId(), fields.timestamp(), fields.deadline(),
                fields.sourceKernel(), fields.destinationKernel(), payload.messageType(), payload.bytes().length,
                fields.flags(), fields.priority());
    }

    private static Arbitrary<Mutation> mutations() {
        Arbitrary<Mutation> flips = Combinators.combine(Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(0, 7)).as(BitFlip::new);
        Arbitrary<Mutation> fieldWrites = Combinators.combine(Arbitraries.of(MESSAGE_TYPE_OFFSET, PAYLOAD_LENGTH_OFFSET,
                CHECKSUM_OFFSET, FLAGS_OFFSET), Arbitraries.integers()).as(FieldWrite::new);
        Arbitrary<Mutation> lengthNearRecord = Arbitraries.integers().between(-2, 2).map(LengthNearRecord::new);
        return Arbitraries.oneOf(flips, fieldWrites, lengthNearRecord);
    }

    /** A change to a framed record. */
    private interface Mutation {
        void apply(ByteBuffer record);
    }

    /** Inverts one bit anywhere in the record: of the byte at {@code position} modulo the record's length. */
    private record BitFlip(int position, int bit) implements Mutation {
        @Override
        public void apply(ByteBuffer record) {
            int index = position % record.capacity();
            record.put(index, (byte) (record.get(index) ^ (1 << bit)));
        }
    }

    /** Declares a payload length just around what the record can hold. */
    private record LengthNearRecord(int delta) implements Mutation {
        @Override
        public void apply(ByteBuffer record) {
            record.putInt(PAYLOAD_LENGTH_OFFSET, record.capacity() - HEADER_LENGTH + delta);
        }
    }

    /** Overwrites a four-byte header field (flags, priority and version together at offset 60). */
    private record FieldWrite(int offset, int value) implements Mutation {
        @Override
        public void apply(ByteBuffer record) {
            record.putInt(offset, value);
        }
    }
}
