package io.ringkernel.codec;

import static io.ringkernel.codec.ExactAssertions.assertSameRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.SerializationException;
import io.ringkernel.codec.TestRecords.Reading;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageSerializer;
import io.ringkernel.spi.MessageType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FixedLayoutSerializerTest {
    private static final MessageCodec READING_CODEC =
            new FixedLayoutSerializer().codecFor(MessageType.of(1, Reading.class, MessageType.FIXED_LAYOUT));

    record WithString(String name) {
    }

    @Test
    void shouldBeFoundByServiceLoaderUnderTheFixedLayoutName() {
        assertThat(ServiceLoader.load(MessageSerializer.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(serializer -> serializer instanceof FixedLayoutSerializer)
                .singleElement()
                .extracting(MessageSerializer::name)
                .isEqualTo("fixed-layout");
    }

    @Test
    void shouldRejectATypeThatIsNotARecord() {
        MessageType<String> type = MessageType.of(2, String.class, MessageType.FIXED_LAYOUT);

        assertThatThrownBy(() -> new FixedLayoutSerializer().codecFor(type))
                .isInstanceOf(SerializationException.class)
                .hasMessage("message type 2 (java.lang.String) is not a record; the fixed layout codes records only");
    }

    @Test
    void shouldRejectARecordWithUnsupportedComponentsNamingTheComponent() {
        MessageType<WithString> type = MessageType.of(3, WithString.class, MessageType.FIXED_LAYOUT);

        assertThatThrownBy(() -> new FixedLayoutSerializer().codecFor(type))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("message type 3 cannot use the fixed layout")
                .hasMessageContaining("component 'name' has type java.lang.String");
    }

    @Test
    void shouldRejectATypeThatNamesAnotherSerializer() {
        MessageType<Reading> type = MessageType.of(4, Reading.class, "kryo");

        assertThatThrownBy(() -> new FixedLayoutSerializer().codecFor(type))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("names serializer 'kryo', not 'fixed-layout'");
    }

    @Test
    void shouldEncodeIntoALittleEndianBufferHoldingThePayloadBetweenPositionAndLimit() {
        ByteBuffer payload = READING_CODEC.encode(new Reading(9, true, 1.0, new float[] {2f, 3f}, (short) 4));

        assertThat(payload.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(payload.position()).isZero();
        assertThat(payload.limit()).isEqualTo(32 + 8);
        assertThat(payload.getInt(0)).isEqualTo(9);
        assertThat(payload.getFloat(36)).isEqualTo(3f);
    }

    @Test
    void shouldCheckAPayloadInPlaceInsideALargerBufferLeavingItAsItWas() {
        ByteBuffer payload = READING_CODEC.encode(new Reading(9, true, 1.0, new float[] {2f, 3f}, (short) 4));
        int length = payload.remaining();
        ByteBuffer batch = ByteBuffer.allocate(10 + length + 6);
        batch.put(10, payload, payload.position(), length).position(3);

        READING_CODEC.check(batch, 10, length);

        assertThatThrownBy(() -> READING_CODEC.check(batch, 10, length - 1)).isInstanceOf(SerializationException.class);
        assertThat(batch.position()).isEqualTo(3);
        assertThat(batch.limit()).isEqualTo(batch.capacity());
    }

    @Test
    void shouldCheckAPayloadInsideALargerBufferThroughAReadOnlyViewByDefault() {
        List<String> seen = new ArrayList<>();
        MessageCodec decoding = new MessageCodec() {
            @Override
            public ByteBuffer encode(Object message) {
                throw new UnsupportedOperationException("this codec only decodes");
            }

            @Override
            public Object decode(ByteBuffer payload) {
                seen.add(payload.remaining() + " bytes from " + payload.get(payload.position())
                        + (payload.isReadOnly() ? ", read-only" : ", writable"));
                return payload;
            }
        };
        ByteBuffer batch = ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4, 5});

        decoding.check(batch, 2, 3);

        assertThat(seen).containsExactly("3 bytes from 2, read-only");
        assertThat(batch.position()).isZero();
    }

    @Test
    void shouldReuseTheCallingThreadsBufferAndGrowItForLargerPayloads() {
        ByteBuffer first = READING_CODEC.encode(new Reading(1, true, 1.0, new float[1], (short) 1));
        ByteBuffer second = READING_CODEC.encode(new Reading(2, true, 1.0, new float[2], (short) 1));
        ByteBuffer large = READING_CODEC.encode(new Reading(3, true, 1.0, new float[10_000], (short) 1));

        assertThat(second).isSameAs(first);
        assertThat(large.limit()).isEqualTo(32 + 40_000);
        assertThat(READING_CODEC.decode(large)).extracting(message -> ((Reading) message).samples().length).isEqualTo(10_000);
    }

    @Test
    void shouldDecodeFromPositionToLimitLeavingThePositionAlone() {
        Reading message = new Reading(5, false, -1.0, new float[] {7f}, (short) -2);
        ByteBuffer encoded = READING_CODEC.encode(message);
        ByteBuffer framed = ByteBuffer.allocate(encoded.remaining() + 24);
        framed.position(16).put(encoded).flip().position(16);

        Object decoded = READING_CODEC.decode(framed.asReadOnlyBuffer());

        assertSameRecord(decoded, message);
        assertThat(framed.position()).isEqualTo(16);
    }

    @Test
    void shouldRoundTripOnEightThreadsConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                int id = thread;
                workers.add(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        Reading message = new Reading(id, i % 2 == 0, i, new float[i % 17], (short) i);
                        Reading decoded = (Reading) READING_CODEC.decode(READING_CODEC.encode(message));
                        assertThat(decoded.sensor()).isEqualTo(id);
                        assertThat(decoded.value()).isEqualTo(i);
                        assertThat(decoded.samples()).hasSize(i % 17);
                    }
                    return id;
                });
            }
            for (Future<Integer> result : pool.invokeAll(workers)) {
                assertThat(result.get()).isBetween(0, 7);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
