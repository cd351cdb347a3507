package io.ringkernel.conformance.fuzz;

import static io.ringkernel.protocol.MessageHeaderDescriptor.CHECKSUM_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.ERROR_TYPE;
import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAGS_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAG_CALL;
import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_TYPE_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_TYPE;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PAYLOAD_LENGTH_OFFSET;

import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.conformance.Blob;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Fail;
import io.ringkernel.conformance.Ping;
import io.ringkernel.conformance.SpiHarness;
import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generates what the fuzz suite writes into a conformance kernel's input ring: a quarter garbage,
 * the rest {@link Ping}, {@link Blob} and {@link Fail} messages framed with random header fields,
 * sealed or not, then mutated — bit flips, header fields overwritten (the message type among them:
 * padding, error, another kernel's), a payload length just around
 * what the record holds, ints in the payload (a blob's data offset and count) overwritten — and
 * resealed or not, so that cases reach every stage of the kernel's screening and its handler.
 */
public final class SlotCases {
    /** Largest payload area generated, so that a case and the call after it never fill the ring. */
    public static final int MAX_PAYLOAD = 600;
    private static final Map<Integer, MessageCodec> CODECS = conformanceCodecs();

    private SlotCases() {
    }

    /** @return the fixed-layout codecs of the conformance kernel's message types, by wire type */
    public static Map<Integer, MessageCodec> codecs() {
        return CODECS;
    }

    /** @return garbage or framed and mutated cases */
    public static Arbitrary<SlotCase> slotCases() {
        return Arbitraries.frequencyOf(Tuple.of(1, garbage()), Tuple.of(3, framed()));
    }

    /** @return arbitrary bytes after the commit word, zero-filled to the end of the record's last slot */
    public static Arbitrary<SlotCase> garbage() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(HEADER_LENGTH - 8).ofMaxSize(HEADER_LENGTH - 8 + MAX_PAYLOAD)
                .map(garbage -> {
                    byte[] record = new byte[wholeSlots(8 + garbage.length)];
                    System.arraycopy(garbage, 0, record, 8, garbage.length);
                    return new SlotCase(record);
                });
    }

    /** @return conformance messages framed with random header fields, sealed or not, mutated, resealed or not */
    public static Arbitrary<SlotCase> framed() {
        Arbitrary<byte[]> slack = Arbitraries.bytes().array(byte[].class).ofMaxSize(32);
        Arbitrary<Boolean> sealed = Arbitraries.of(true, false);
        Arbitrary<Boolean> resealed = Arbitraries.of(false, true);
        return Combinators.combine(messages(), fields(), slack, sealed, mutations().list().ofMaxSize(3), resealed)
                .as((message, fields, extra, seal, mutations, reseal) -> {
                    byte[] record = new byte[wholeSlots(HEADER_LENGTH + message.payload().length + extra.length)];
                    ByteBuffer buffer = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
                    MessageHeader header = new MessageHeader().wrap(buffer, 0).write(new HeaderFields(fields.messageId(),
                            fields.correlationId(), fields.timestamp(), fields.deadline(), fields.sourceKernel(),
                            fields.destinationKernel(), message.type(), message.payload().length, fields.flags(),
                            fields.priority()));
                    buffer.put(HEADER_LENGTH, message.payload()).put(HEADER_LENGTH + message.payload().length, extra);
                    if (seal) {
                        header.seal();
                    }
                    for (Mutation mutation : mutations) {
                        mutation.apply(buffer);
                    }
                    int payloadLength = header.payloadLength();
                    if (reseal && payloadLength >= 0 && payloadLength <= record.length - HEADER_LENGTH) {
                        header.seal();
                    }
                    return new SlotCase(record);
                });
    }

    private static int wholeSlots(int bytes) {
        return (bytes + SpiHarness.SLOT_SIZE - 1) / SpiHarness.SLOT_SIZE * SpiHarness.SLOT_SIZE;
    }

    private static Arbitrary<Message> messages() {
        Arbitrary<Message> pings = Combinators.combine(Arbitraries.longs(), Arbitraries.integers())
                .as((sequence, sender) -> Message.of(ConformanceKernel.PING_TYPE, new Ping(sequence, sender)));
        Arbitrary<Message> blobs = Arbitraries.bytes().array(byte[].class).ofMaxSize(MAX_PAYLOAD - 16)
                .map(data -> Message.of(ConformanceKernel.BLOB_TYPE, new Blob(data)));
        Arbitrary<Message> fails = Arbitraries.integers().map(code -> Message.of(ConformanceKernel.FAIL_TYPE, new Fail(code)));
        return Arbitraries.oneOf(pings, blobs, fails);
    }

    private static Arbitrary<HeaderFields> fields() {
        Arbitrary<Long> correlations = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0L)), Tuple.of(1, Arbitraries.longs()));
        // mostly none, which leaves the kernel's clock on physical time; else anything, or within 20 s of now, on both
        // sides of the most a timestamp may lead the kernel's clock
        Arbitrary<Long> nearNow = Arbitraries.longs().between(-20_000, 20_000)
                .map(offset -> HybridLogicalClock.pack(System.currentTimeMillis() + offset, 0));
        Arbitrary<Long> timestamps = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(0L)), Tuple.of(1, Arbitraries.longs()),
                Tuple.of(1, nearNow));
        // mostly none; else long past, after 2109, or anything
        Arbitrary<Long> deadlines = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.just(HybridLogicalClock.pack(1, 0))),
                Tuple.of(1, Arbitraries.longs().greaterOrEqual(1L << 58)), Tuple.of(1, Arbitraries.longs()));
        Arbitrary<Integer> kernels = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(0, 1)), Tuple.of(1, Arbitraries.integers()));
        Arbitrary<Short> flags = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of((short) 0, FLAG_CALL)),
                Tuple.of(1, Arbitraries.shorts()));
        return Combinators.combine(Arbitraries.longs(), correlations, timestamps, deadlines, kernels, kernels, flags,
                        Arbitraries.bytes())
                .as((id, correlation, timestamp, deadline, source, destination, flag, priority) -> new HeaderFields(id,
                        correlation, timestamp, deadline, source, destination, 0, 0, flag, priority));
    }

    private static Arbitrary<Mutation> mutations() {
        Arbitrary<Mutation> flips = Combinators.combine(Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(0, 7)).as(BitFlip::new);
        Arbitrary<Integer> anyInt = Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.of(Integer.MAX_VALUE,
                Integer.MAX_VALUE / 8 + 1, 1 << 28, -1, 0, 8, 16, 24));
        Arbitrary<Mutation> fieldWrites = Combinators.combine(Arbitraries.of(MESSAGE_TYPE_OFFSET, PAYLOAD_LENGTH_OFFSET,
                CHECKSUM_OFFSET, FLAGS_OFFSET), anyInt).as(IntWrite::new);
        Arbitrary<Mutation> typeWrites = Arbitraries.of(PADDING_TYPE, ERROR_TYPE, ConformanceKernel.PING_TYPE,
                ConformanceKernel.BLOB_TYPE, ConformanceKernel.FAIL_TYPE, 4, Integer.MAX_VALUE)
                .map(type -> new IntWrite(MESSAGE_TYPE_OFFSET, type));
        Arbitrary<Mutation> lengthNearRecord = Arbitraries.integers().between(-2, 2).map(LengthNearRecord::new);
        Arbitrary<Mutation> payloadWrites = Combinators.combine(Arbitraries.of(0, 4, 8, 12), anyInt)
                .as((at, value) -> new IntWrite(HEADER_LENGTH + at, value));
        return Arbitraries.oneOf(flips, fieldWrites, typeWrites, lengthNearRecord, payloadWrites);
    }

    private static Map<Integer, MessageCodec> conformanceCodecs() {
        FixedLayoutSerializer serializer = new FixedLayoutSerializer();
        Map<Integer, MessageCodec> codecs = new HashMap<>();
        for (MessageType<?> type : new ConformanceKernel().messageTypes()) {
            codecs.put(type.typeId(), serializer.codecFor(type));
        }
        return Map.copyOf(codecs);
    }

    /** A conformance message's wire type and payload. */
    private record Message(int type, byte[] payload) {
        static Message of(int type, Object message) {
            ByteBuffer encoded = CODECS.get(type).encode(message);
            byte[] payload = new byte[encoded.remaining()];
            encoded.get(encoded.position(), payload);
            return new Message(type, payload);
        }
    }

    /** A change to a framed record. */
    private interface Mutation {
        void apply(ByteBuffer record);
    }

    /** Inverts one bit after the commit word: of the byte at 8 + {@code position} modulo the rest's length. */
    private record BitFlip(int position, int bit) implements Mutation {
        @Override
        public void apply(ByteBuffer record) {
            int index = 8 + position % (record.capacity() - 8);
            record.put(index, (byte) (record.get(index) ^ (1 << bit)));
        }
    }

    /** Overwrites four bytes: a header field (flags, priority and version together at 60) or an int in the payload. */
    private record IntWrite(int offset, int value) implements Mutation {
        @Override
        public void apply(ByteBuffer record) {
            if (offset + 4 <= record.capacity()) {
                record.putInt(offset, value);
            }
        }
    }

    /** Declares a payload length just around what the record can hold. */
    private record LengthNearRecord(int delta) implements Mutation {
        @Override
        public void apply(ByteBuffer record) {
            record.putInt(PAYLOAD_LENGTH_OFFSET, record.capacity() - HEADER_LENGTH + delta);
        }
    }
}
