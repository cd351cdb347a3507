package io.ringkernel.serializer.kryo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.esotericsoftware.kryo.io.Output;
import io.ringkernel.api.SerializationException;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Payloads that announce a string, array, collection or map far larger than themselves: each must
 * be refused before Kryo allocates room for it (unguarded, every case here ends in an
 * OutOfMemoryError or asks for gigabytes).
 */
class KryoWireCountGuardTest {
    private static final int HUGE = Integer.MAX_VALUE - 1;
    private static final int FIRST_REGISTRATION = KryoFactory.FIRST_REGISTRATION_ID + 1;
    private static final int CLASS_ID_OFFSET = 2;

    record Named(String name) {
    }

    record Longs(long[] values) {
    }

    record Flags(boolean[] values) {
    }

    record Names(String[] values) {
    }

    record Point(int x, int y) {
    }

    record Points(Point[] values) {
    }

    record Batch(ArrayList<String> items) {
    }

    record Index(HashMap<String, Integer> entries) {
    }

    private static Arguments guarded(String what, MessageType<?> type, Consumer<Output> payload) {
        Output output = new Output(32);
        payload.accept(output);
        return Arguments.of(what, type, output.toBytes());
    }

    static Stream<Arguments> payloadsAnnouncingHugeLengths() {
        return Stream.of(
                guarded("a string", MessageType.of(1, Named.class, "kryo"),
                        out -> out.writeVarIntFlag(true, HUGE, true)),
                guarded("a long array", MessageType.of(1, Longs.class, "kryo", long[].class),
                        out -> out.writeVarInt(HUGE, true)),
                guarded("a boolean array", MessageType.of(1, Flags.class, "kryo", boolean[].class),
                        out -> out.writeVarInt(HUGE, true)),
                guarded("a string array", MessageType.of(1, Names.class, "kryo", String[].class),
                        out -> out.writeVarInt(HUGE, true)),
                guarded("an object array", MessageType.of(1, Points.class, "kryo", Point[].class, Point.class),
                        out -> out.writeVarInt(HUGE, true)),
                guarded("a collection", MessageType.of(1, Batch.class, "kryo", ArrayList.class),
                        out -> {
                            out.writeVarInt(FIRST_REGISTRATION + CLASS_ID_OFFSET, true);
                            out.writeVarIntFlag(false, HUGE, true);
                        }),
                guarded("a map", MessageType.of(1, Index.class, "kryo", HashMap.class),
                        out -> {
                            out.writeVarInt(FIRST_REGISTRATION + CLASS_ID_OFFSET, true);
                            out.writeVarInt(HUGE, true);
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloadsAnnouncingHugeLengths")
    void shouldRefuseALengthLargerThanThePayloadBeforeAllocating(String what, MessageType<?> type, byte[] payload) {
        MessageCodec codec = new KryoSerializer().codecFor(type);

        assertThatThrownBy(() -> codec.decode(ByteBuffer.wrap(payload)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(what + " of " + (HUGE - 1) + " elements does not fit in the");
    }
}
