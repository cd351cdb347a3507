package io.ringkernel.codec;

import static io.ringkernel.codec.ExactAssertions.assertSameComponents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ringkernel.api.SerializationException;
import io.ringkernel.codec.FixedLayoutModel.Invalid;
import io.ringkernel.codec.FixedLayoutModel.Valid;
import io.ringkernel.codec.FixedLayoutModel.Verdict;
import io.ringkernel.codec.TestRecords.AllTypes;
import io.ringkernel.codec.TestRecords.Misaligned;
import io.ringkernel.codec.TestRecords.Positive;
import io.ringkernel.codec.TestRecords.Reading;
import io.ringkernel.codec.TestRecords.TwoArrays;
import io.ringkernel.fuzz.FuzzBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes {@link FixedLayout#decode} for records of primitives and arrays of every kind: arbitrary
 * bytes, and valid encodings with bit flips, truncations, extensions, and array slots given other
 * offsets and counts (near misses, negative and huge ones). It promises, for every payload: either
 * exactly the record the documented format says it holds ({@link FixedLayoutModel}, which reads the
 * bytes without the codec's readers), or a {@link SerializationException} naming the type and one
 * of the faults the model finds — never another exception, and never an array allocated from a
 * count the payload cannot hold (such a count must be refused first; an {@link OutOfMemoryError}
 * would end the run). {@link FixedLayout#check} is held to the same verdicts, except that it
 * passes what only the canonical constructor refuses. Tries: {@code jqwik.tries.default} (docs/reliability-fuzzing.md).
 */
class FixedLayoutFuzzTest {
    private static final String OUTCOME = "decoding";
    private static final String CONSTRUCTOR_REFUSED = "the canonical constructor rejected the decoded values";
    private static final List<FixedLayout> LAYOUTS = List.of(FixedLayout.of(Reading.class), FixedLayout.of(AllTypes.class),
            FixedLayout.of(Misaligned.class), FixedLayout.of(TwoArrays.class), FixedLayout.of(Positive.class));

    @Property
    void shouldDecodeWhatTheFormatSaysOrRejectArbitraryBytes(@ForAll("layouts") FixedLayout layout,
                                                             @ForAll("garbage") byte[] payload) {
        assertDecodesAsTheFormatSays(layout, payload);
        Statistics.label(OUTCOME).coverage(coverage -> coverage.check("rejected").percentage(p -> p > 50));
    }

    @Property
    void shouldDecodeWhatTheFormatSaysOrRejectMutatedEncodings(@ForAll("mutatedEncodings") Mutated mutated) {
        assertDecodesAsTheFormatSays(mutated.layout(), mutated.payload());
        Statistics.label(OUTCOME).coverage(coverage -> {
            coverage.check("decoded").percentage(p -> p > 5);
            coverage.check("rejected").percentage(p -> p > 20);
        });
    }

    private static void assertDecodesAsTheFormatSays(FixedLayout layout, byte[] payload) {
        Verdict verdict = FixedLayoutModel.judge(layout, payload);
        assertChecksAsDecodeDoes(layout, payload, verdict);
        Object decoded;
        try {
            decoded = layout.decode(ByteBuffer.wrap(payload).asReadOnlyBuffer(), 0, payload.length);
        } catch (SerializationException rejected) {
            Statistics.label(OUTCOME).collect("rejected");
            if (!(verdict instanceof Invalid invalid)) {
                throw new AssertionError("rejected a valid payload: " + ((Valid) verdict).record(), rejected);
            }
            assertThat(rejected.getMessage()).startsWith("malformed fixed-layout payload for " + layout.type().getName() + ": ")
                    .containsAnyOf(invalid.culprits().toArray(String[]::new));
            return;
        }
        Statistics.label(OUTCOME).collect("decoded");
        if (verdict instanceof Valid valid) {
            assertSameComponents((Record) decoded, (Record) valid.record());
        } else {
            fail("decoded %s, but the payload is invalid at %s", decoded, verdict);
        }
    }

    /**
     * {@link FixedLayout#check} passes exactly the payloads whose shape decoding accepts, the ones
     * only the constructor refuses included, and refuses the others with decoding's message.
     */
    private static void assertChecksAsDecodeDoes(FixedLayout layout, byte[] payload, Verdict verdict) {
        boolean shapeFits = verdict instanceof Valid || ((Invalid) verdict).culprits().contains(CONSTRUCTOR_REFUSED);
        try {
            layout.check(ByteBuffer.wrap(payload).asReadOnlyBuffer(), 0, payload.length);
        } catch (SerializationException refused) {
            if (shapeFits) {
                throw new AssertionError("check refused a payload that fits the layout", refused);
            }
            assertThat(refused.getMessage()).startsWith("malformed fixed-layout payload for " + layout.type().getName() + ": ")
                    .containsAnyOf(((Invalid) verdict).culprits().toArray(String[]::new));
            return;
        }
        assertThat(shapeFits).as("check passed a payload that does not fit the layout: %s", verdict).isTrue();
    }

    @Provide
    Arbitrary<FixedLayout> layouts() {
        return Arbitraries.of(LAYOUTS);
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        return FuzzBytes.bytes(0, 160);
    }

    @Provide
    Arbitrary<Mutated> mutatedEncodings() {
        Arbitrary<Mutated> encodings = Arbitraries.oneOf(LAYOUTS.subList(0, 4).stream().map(FixedLayoutFuzzTest::encodings).toList());
        return Combinators.combine(encodings, mutations().list().ofMinSize(1).ofMaxSize(3)).as((encoding, mutations) -> {
            byte[] payload = encoding.payload();
            for (Mutation mutation : mutations) {
                payload = mutation.apply(encoding.layout(), payload);
            }
            return new Mutated(encoding.layout(), payload);
        });
    }

    /** @return valid encodings of random records of the layout's type, made by the codec itself */
    private static Arbitrary<Mutated> encodings(FixedLayout layout) {
        List<Arbitrary<Object>> components = layout.fields().stream().map(field -> componentValues(field.javaType())).toList();
        return Combinators.combine(components).as(values -> {
            Object record = FixedLayoutModel.construct(layout.type(), values);
            ByteBuffer buffer = ByteBuffer.allocate(layout.encodedLength(record));
            layout.encode(record, buffer, 0);
            return new Mutated(layout, buffer.array());
        });
    }

    private static Arbitrary<Object> componentValues(Class<?> type) {
        Arbitrary<?> values;
        if (type == boolean.class) {
            values = Arbitraries.of(false, true);
        } else if (type == byte.class) {
            values = Arbitraries.bytes();
        } else if (type == short.class) {
            values = Arbitraries.shorts();
        } else if (type == char.class) {
            values = Arbitraries.chars();
        } else if (type == int.class) {
            values = Arbitraries.integers();
        } else if (type == long.class) {
            values = Arbitraries.longs();
        } else if (type == float.class) {
            values = Arbitraries.floats();
        } else if (type == double.class) {
            values = Arbitraries.doubles();
        } else {
            values = arrays(type);
        }
        return values.map(Object.class::cast);
    }

    /** Arrays of up to six random elements (NaNs and infinities among the floating-point ones), from seeded bytes. */
    private static Arbitrary<?> arrays(Class<?> type) {
        int elementSize = FixedLayoutModel.elementSize(type.getComponentType());
        return FuzzBytes.bytes(0, 6 * elementSize).map(bytes -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, bytes.length / elementSize * elementSize);
            if (type == byte[].class) {
                return bytes;
            } else if (type == short[].class) {
                short[] values = new short[buffer.remaining() / 2];
                buffer.asShortBuffer().get(values);
                return values;
            } else if (type == int[].class) {
                int[] values = new int[buffer.remaining() / 4];
                buffer.asIntBuffer().get(values);
                return values;
            } else if (type == long[].class) {
                long[] values = new long[buffer.remaining() / 8];
                buffer.asLongBuffer().get(values);
                return values;
            } else if (type == float[].class) {
                float[] values = new float[buffer.remaining() / 4];
                buffer.asFloatBuffer().get(values);
                return values;
            }
            double[] values = new double[buffer.remaining() / 8];
            buffer.asDoubleBuffer().get(values);
            return values;
        });
    }

    private static Arbitrary<Mutation> mutations() {
        Arbitrary<Mutation> flips = Combinators.combine(Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(0, 7)).as(BitFlip::new);
        Arbitrary<Mutation> truncations = Arbitraries.integers().between(1, 24).map(Truncation::new);
        Arbitrary<Mutation> extensions = FuzzBytes.bytes(1, 24).map(Extension::new);
        Arbitrary<Integer> slots = Arbitraries.integers().between(0, 5);
        Arbitrary<Integer> hugeOrOdd = Arbitraries.of(Integer.MAX_VALUE, Integer.MAX_VALUE / 8 + 1, Integer.MAX_VALUE / 2 + 1,
                1 << 28, -1, Integer.MIN_VALUE, 7);
        Arbitrary<Mutation> absolute = Combinators.combine(slots, Arbitraries.of(false, true),
                Arbitraries.oneOf(hugeOrOdd, Arbitraries.integers())).as((slot, count, value) -> new SlotWrite(slot, count, false, value));
        Arbitrary<Mutation> relative = Combinators.combine(slots, Arbitraries.of(false, true),
                Arbitraries.integers().between(-16, 16)).as((slot, count, delta) -> new SlotWrite(slot, count, true, delta));
        return Arbitraries.oneOf(flips, truncations, extensions, absolute, relative);
    }

    /**
     * A payload for a layout.
     *
     * @param layout the layout to decode it with
     * @param payload the bytes
     */
    record Mutated(FixedLayout layout, byte[] payload) {
        @Override
        public String toString() {
            return layout.type().getSimpleName() + "[" + HexFormat.of().formatHex(payload) + "]";
        }
    }

    /** A change to an encoded payload. */
    private interface Mutation {
        byte[] apply(FixedLayout layout, byte[] payload);
    }

    /** Inverts one bit: of the byte at {@code position} modulo the payload's length. */
    private record BitFlip(int position, int bit) implements Mutation {
        @Override
        public byte[] apply(FixedLayout layout, byte[] payload) {
            byte[] changed = payload.clone();
            if (changed.length > 0) {
                changed[position % changed.length] ^= (byte) (1 << bit);
            }
            return changed;
        }
    }

    /** Cuts bytes off the end. */
    private record Truncation(int bytes) implements Mutation {
        @Override
        public byte[] apply(FixedLayout layout, byte[] payload) {
            return Arrays.copyOf(payload, Math.max(0, payload.length - bytes));
        }
    }

    /** Appends bytes. */
    private record Extension(byte[] bytes) implements Mutation {
        @Override
        public byte[] apply(FixedLayout layout, byte[] payload) {
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
     * Rewrites the data offset or element count of one array slot (the {@code slot}-th array
     * component, modulo their number): to {@code value}, or to its current value plus {@code value}.
     */
    private record SlotWrite(int slot, boolean count, boolean relative, int value) implements Mutation {
        @Override
        public byte[] apply(FixedLayout layout, byte[] payload) {
            List<FixedLayout.Field> arrays = layout.fields().stream()
                    .filter(field -> field.kind() == FixedLayout.Field.Kind.ARRAY).toList();
            int at = arrays.isEmpty() ? -1 : arrays.get(slot % arrays.size()).offset() + (count ? 4 : 0);
            if (at < 0 || at + 4 > payload.length) {
                return payload;
            }
            byte[] changed = payload.clone();
            ByteBuffer bytes = ByteBuffer.wrap(changed).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            bytes.putInt(at, relative ? bytes.getInt(at) + value : value);
            return changed;
        }
    }
}
