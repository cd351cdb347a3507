package io.ringkernel.serializer.kryo;

import static org.assertj.core.api.Assertions.assertThat;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import io.ringkernel.api.SerializationException;
import io.ringkernel.serializer.kryo.KryoTestRecords.Customer;
import io.ringkernel.serializer.kryo.KryoTestRecords.Envelope;
import io.ringkernel.serializer.kryo.KryoTestRecords.Order;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageType;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the Kryo serializer's decoding (registration required, class names refused, wire counts
 * bounded) with payloads built from Kryo's own wire tokens — class ids registered or not, class
 * names, strings, varints up to {@link Integer#MAX_VALUE}, objects nested past the depth limit, raw
 * bytes — and with valid encodings given bit flips, truncations, extensions and varints spliced in
 * over their counts. It promises, for every payload: either a message of the codec's type that
 * encodes and decodes back to itself, or a {@link SerializationException} naming the message type
 * and the payload's length; in particular a class name is refused as such, an unregistered class
 * id is refused naming that id, a strict prefix of a valid encoding is refused and a valid encoding
 * with bytes after it is refused for them — never another exception, never an allocation sized by
 * an untrusted count. After every payload the codec still decodes a valid one. Tries:
 * {@code jqwik.tries.default} (docs/reliability-fuzzing.md).
 */
class KryoPayloadFuzzTest {
    private static final String OUTCOME = "decoding";
    private static final int NAME_MARKER = 1;
    private static final int CLASS_ID_OFFSET = 2;
    private static final MessageType<Envelope> ENVELOPE_TYPE = MessageType.of(2, Envelope.class, KryoSerializer.NAME,
            KryoTestRecords.Harmless.class, KryoTestRecords.AlsoHarmless.class);
    private static final MessageCodec ENVELOPES = new KryoSerializer().codecFor(ENVELOPE_TYPE);
    private static final Kryo ENVELOPE_REGISTRATIONS = new KryoFactory(ENVELOPE_TYPE).newKryo();
    private static final MessageCodec ORDERS = KryoTestRecords.orderCodec();

    @Property
    void shouldRefuseNamedAndUnregisteredClassesAndDecodeOrRejectTheRest(@ForAll("classIds") int classValue,
                                                                         @ForAll("tokens") List<Token> tail) {
        Output output = new Output(64, -1);
        output.writeVarInt(classValue, true);
        tail.forEach(token -> token.write(output));
        byte[] payload = output.toBytes();

        String rejection = decodeOrRejection(ENVELOPES, ENVELOPE_TYPE, payload);

        if (classValue == NAME_MARKER) {
            assertThat(rejection).endsWith("the payload names a class; only registered class ids are accepted");
        } else if (classValue >= CLASS_ID_OFFSET && ENVELOPE_REGISTRATIONS.getRegistration(classValue - CLASS_ID_OFFSET) == null) {
            assertThat(rejection).endsWith("Encountered unregistered class ID: " + (classValue - CLASS_ID_OFFSET));
        }
        Statistics.label(OUTCOME).coverage(coverage -> {
            coverage.check("decoded").percentage(p -> p > 1);
            coverage.check("Encountered unregistered class ID: N").percentage(p -> p > 5);
            coverage.check("the payload names a class; only registered class ids are accepted").percentage(p -> p > 5);
        });
    }

    @Property
    void shouldDecodeOrRejectMutatedEncodingsAndStillDecodeTheOriginal(@ForAll("orders") Order order,
                                                                       @ForAll("mutations") List<Mutation> mutations) {
        byte[] original = bytes(ORDERS.encode(order));
        byte[] payload = original;
        for (Mutation mutation : mutations) {
            payload = mutation.apply(payload);
        }
        MessageType<Order> type = KryoTestRecords.orderType();

        String rejection = decodeOrRejection(ORDERS, type, payload);

        if (isStrictPrefix(payload, original)) {
            assertThat(rejection).as("a strict prefix of a valid encoding").isNotNull();
        } else if (isStrictPrefix(original, payload)) {
            assertThat(rejection).as("a valid encoding with bytes after it")
                    .endsWith((payload.length - original.length) + " bytes follow the message");
        }
        assertSameMessage(ORDERS.decode(ByteBuffer.wrap(original)), order);
        Statistics.label(OUTCOME).coverage(coverage -> {
            coverage.check("decoded").percentage(p -> p > 5);
            coverage.check("N bytes follow the message").percentage(p -> p > 5);
        });
    }

    /**
     * Decodes, checking that the result is a message of the type that survives another round trip,
     * or that the failure is a typed one naming the type and the payload's length.
     *
     * @return null if it decoded, else what the exception's message says after its standard prefix
     */
    private static String decodeOrRejection(MessageCodec codec, MessageType<?> type, byte[] payload) {
        Object decoded;
        try {
            decoded = codec.decode(ByteBuffer.wrap(payload).asReadOnlyBuffer());
        } catch (SerializationException rejected) {
            String prefix = "cannot decode " + KryoFailures.describe(type) + " from a " + payload.length + "-byte kryo payload: ";
            assertThat(rejected.getMessage()).startsWith(prefix);
            assertThat(rejected.getCause()).isNotNull();
            String detail = rejected.getMessage().substring(prefix.length());
            assertThat(detail).isNotBlank();
            Statistics.label(OUTCOME).collect(detail.replaceAll("-?\\d+", "N"));
            return detail;
        }
        Statistics.label(OUTCOME).collect("decoded");
        assertThat(decoded).isExactlyInstanceOf(type.javaType());
        assertSameMessage(codec.decode(bytesOf(codec.encode(decoded))), decoded);
        return null;
    }

    /**
     * Asserts equal messages: records component by component (recursively), arrays element-wise,
     * anything else by {@code equals} — so NaN equals NaN and 0.0 is not -0.0, as records compare.
     * Cheaper than AssertJ's recursive comparison, which matters at tens of thousands of cases.
     */
    private static void assertSameMessage(Object actual, Object expected) {
        if (!sameMessage(actual, expected)) {
            throw new AssertionError("expected " + expected + " but was " + actual);
        }
    }

    private static boolean sameMessage(Object actual, Object expected) {
        if (actual instanceof Record && expected != null && actual.getClass() == expected.getClass()) {
            for (RecordComponent component : actual.getClass().getRecordComponents()) {
                if (!sameMessage(valueOf(component, actual), valueOf(component, expected))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.deepEquals(actual, expected);
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read component " + component.getName(), e);
        }
    }

    private static boolean isStrictPrefix(byte[] shorter, byte[] longer) {
        return shorter.length < longer.length && Arrays.equals(shorter, 0, shorter.length, longer, 0, shorter.length);
    }

    private static byte[] bytes(ByteBuffer encoded) {
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(encoded.position(), bytes);
        return bytes;
    }

    private static ByteBuffer bytesOf(ByteBuffer encoded) {
        return ByteBuffer.wrap(bytes(encoded));
    }

    /** @return what the body's class varint says: null, a class name, a small id (registered or not), or any */
    @Provide
    Arbitrary<Integer> classIds() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(0, NAME_MARKER)),
                Tuple.of(4, Arbitraries.integers().between(CLASS_ID_OFFSET, 40)),
                Tuple.of(1, Arbitraries.integers().greaterOrEqual(0)));
    }

    @Provide
    Arbitrary<List<Token>> tokens() {
        Arbitrary<Token> varInts = Combinators.combine(Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(0, 40)),
                Tuple.of(1, Arbitraries.integers())), Arbitraries.of(true, false)).as(VarInt::new);
        Arbitrary<Token> names = Arbitraries.of(Customer.class.getName(), "java.lang.Runtime", "io.ringkernel.NoSuchClass", "")
                .map(ClassName::new);
        Arbitrary<Token> texts = Arbitraries.strings().ofMaxLength(8).map(Text::new);
        Arbitrary<Token> hugeLengths = Arbitraries.of(Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 1 << 30, 65_536).map(HugeLength::new);
        Arbitrary<Token> nesting = Arbitraries.integers().between(1, 300).map(Nesting::new);
        Arbitrary<Token> raw = Combinators.combine(Arbitraries.integers().between(1, 16), Arbitraries.longs()).as(Raw::new);
        return Arbitraries.oneOf(varInts, names, texts, hugeLengths, nesting, raw).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<Order> orders() {
        Arbitrary<long[]> quantities = Arbitraries.longs().array(long[].class).ofMaxSize(6);
        return Combinators.combine(Arbitraries.strings().ofMaxLength(12), Arbitraries.strings().ofMaxLength(6),
                Arbitraries.integers(), quantities, Arbitraries.doubles())
                .as((id, name, tier, values, total) -> new Order(id, new Customer(name, tier), values, total));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> flips = Combinators.combine(Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(0, 7)).as(BitFlip::new);
        Arbitrary<Mutation> truncations = Arbitraries.integers().between(1, 16).map(Truncation::new);
        Arbitrary<Mutation> extensions = Combinators.combine(Arbitraries.integers().between(1, 16), Arbitraries.longs())
                .as((length, seed) -> new Extension(randomBytes(length, seed)));
        Arbitrary<Mutation> splices = Combinators.combine(Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.of(Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 1 << 20, 255, 0, -1)).as(VarIntSplice::new);
        return Arbitraries.oneOf(flips, truncations, extensions, splices).list().ofMinSize(1).ofMaxSize(3);
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    /** A piece of a Kryo payload. */
    interface Token {
        void write(Output output);
    }

    /** A varint, as Kryo writes lengths, ids and ints. */
    record VarInt(int value, boolean positive) implements Token {
        @Override
        public void write(Output output) {
            output.writeVarInt(value, positive);
        }
    }

    /** A class written by name, as Kryo writes an unregistered class: marker, name id, name. */
    record ClassName(String name) implements Token {
        @Override
        public void write(Output output) {
            output.writeVarInt(NAME_MARKER, true);
            output.writeVarInt(0, true);
            output.writeString(name);
        }
    }

    /** A string as Kryo writes one. */
    record Text(String text) implements Token {
        @Override
        public void write(Output output) {
            output.writeString(text);
        }
    }

    /** A length far beyond the payload, for a string (flagged varint) and then for an array or collection. */
    record HugeLength(int length) implements Token {
        @Override
        public void write(Output output) {
            output.writeVarIntFlag(true, length, true);
            output.writeVarInt(length, true);
        }
    }

    /** An envelope in an envelope in an envelope..., {@code depth} deep, past Kryo's depth limit at 128. */
    record Nesting(int depth) implements Token {
        @Override
        public void write(Output output) {
            for (int i = 0; i < depth; i++) {
                output.writeVarInt(KryoFactory.FIRST_REGISTRATION_ID + CLASS_ID_OFFSET, true);
            }
        }
    }

    /** Random bytes. */
    record Raw(int length, long seed) implements Token {
        @Override
        public void write(Output output) {
            output.writeBytes(randomBytes(length, seed));
        }
    }

    /** A change to a valid encoding. */
    interface Mutation {
        byte[] apply(byte[] payload);
    }

    /** Inverts one bit: of the byte at {@code position} modulo the payload's length. */
    record BitFlip(int position, int bit) implements Mutation {
        @Override
        public byte[] apply(byte[] payload) {
            byte[] changed = payload.clone();
            if (changed.length > 0) {
                changed[position % changed.length] ^= (byte) (1 << bit);
            }
            return changed;
        }
    }

    /** Cuts bytes off the end. */
    record Truncation(int bytes) implements Mutation {
        @Override
        public byte[] apply(byte[] payload) {
            return Arrays.copyOf(payload, Math.max(0, payload.length - bytes));
        }
    }

    /** Appends bytes. */
    record Extension(byte[] bytes) implements Mutation {
        @Override
        public byte[] apply(byte[] payload) {
            byte[] changed = Arrays.copyOf(payload, payload.length + bytes.length);
            System.arraycopy(bytes, 0, changed, payload.length, bytes.length);
            return changed;
        }

        @Override
        public String toString() {
            return "Extension[" + HexFormat.of().formatHex(bytes) + "]";
        }
    }

    /**
     * Overwrites the bytes at {@code position} (modulo the length) with a varint, as if a string,
     * array or collection there announced {@code value} elements; the payload grows if need be.
     */
    record VarIntSplice(int position, int value) implements Mutation {
        @Override
        public byte[] apply(byte[] payload) {
            Output varInt = new Output(8);
            varInt.writeVarInt(value, true);
            byte[] written = varInt.toBytes();
            int at = payload.length == 0 ? 0 : position % payload.length;
            byte[] changed = Arrays.copyOf(payload, Math.max(payload.length, at + written.length));
            System.arraycopy(written, 0, changed, at, written.length);
            return changed;
        }
    }
}
