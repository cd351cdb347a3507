package io.ringkernel.serializer.kryo;

import static io.ringkernel.serializer.kryo.KryoTestRecords.envelopeCodec;
import static io.ringkernel.serializer.kryo.KryoTestRecords.orderCodec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.SerializationException;
import io.ringkernel.serializer.kryo.KryoTestRecords.AlsoHarmless;
import io.ringkernel.serializer.kryo.KryoTestRecords.Customer;
import io.ringkernel.serializer.kryo.KryoTestRecords.Envelope;
import io.ringkernel.serializer.kryo.KryoTestRecords.Harmless;
import io.ringkernel.serializer.kryo.KryoTestRecords.Holder;
import io.ringkernel.serializer.kryo.KryoTestRecords.Order;
import io.ringkernel.serializer.kryo.KryoTestRecords.Unregistered;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageSerializer;
import io.ringkernel.spi.MessageType;
import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class KryoSerializerTest {

    private static Order sampleOrder() {
        return new Order("order-\u00e9\u4e2d-1", new Customer("Ada L\u00f6vlace", 3), new long[] {1, -2, Long.MAX_VALUE}, 99.5);
    }

    @Test
    void shouldBeFoundByServiceLoaderUnderTheNameKryo() {
        assertThat(ServiceLoader.load(MessageSerializer.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(serializer -> serializer instanceof KryoSerializer)
                .singleElement()
                .extracting(MessageSerializer::name)
                .isEqualTo("kryo");
    }

    @Test
    void shouldRoundTripARecordWithAStringAndANestedRegisteredRecord() {
        MessageCodec codec = orderCodec();
        Order order = sampleOrder();

        Order decoded = (Order) codec.decode(codec.encode(order));

        assertThat(decoded).usingRecursiveComparison().isEqualTo(order);
    }

    @Test
    void shouldRoundTripNullComponents() {
        MessageCodec codec = orderCodec();
        Order order = new Order(null, null, null, 0);

        assertThat(codec.decode(codec.encode(order))).usingRecursiveComparison().isEqualTo(order);
    }

    @Test
    void shouldReturnTheCallingThreadsBufferWithThePayloadBetweenPositionAndLimit() {
        MessageCodec codec = orderCodec();

        ByteBuffer first = codec.encode(sampleOrder());
        int firstLength = first.remaining();
        ByteBuffer second = codec.encode(new Order("x", new Customer("y", 1), new long[0], 1));

        assertThat(first.position()).isZero();
        assertThat(firstLength).isPositive();
        assertThat(second).isSameAs(first);
        assertThat(second.limit()).isLessThan(firstLength);
    }

    @Test
    void shouldDecodeFromPositionToLimitLeavingThePositionAlone() {
        MessageCodec codec = orderCodec();
        ByteBuffer encoded = codec.encode(sampleOrder());
        ByteBuffer framed = ByteBuffer.allocateDirect(encoded.remaining() + 20);
        framed.position(7).put(encoded).flip().position(7);

        Object decoded = codec.decode(framed.asReadOnlyBuffer());

        assertThat(decoded).usingRecursiveComparison().isEqualTo(sampleOrder());
        assertThat(framed.position()).isEqualTo(7);
    }

    @Test
    void shouldGrowTheEncodeBufferForLargeMessages() {
        MessageCodec codec = orderCodec();
        Order large = new Order("x".repeat(100_000), new Customer("c", 1), new long[50_000], 1);

        assertThat(codec.decode(codec.encode(large))).usingRecursiveComparison().isEqualTo(large);
    }

    @Test
    void shouldAssignRegistrationIdsInDeclarationOrderAfterTheMessageType() {
        ByteBuffer harmless = envelopeCodec().encode(new Envelope(new Harmless(1)));
        ByteBuffer alsoHarmless = envelopeCodec().encode(new Envelope(new AlsoHarmless(1)));

        // Kryo writes a class id as varint(id + 2); Envelope has id 16, its registrations 17 and 18
        assertThat(harmless.get(0)).isEqualTo((byte) (KryoFactory.FIRST_REGISTRATION_ID + 1 + 2));
        assertThat(alsoHarmless.get(0)).isEqualTo((byte) (KryoFactory.FIRST_REGISTRATION_ID + 2 + 2));
    }

    @Test
    void shouldRejectEncodingARecordHoldingAnUnregisteredClass() {
        MessageCodec codec = new KryoSerializer().codecFor(MessageType.of(3, Holder.class, KryoSerializer.NAME));

        assertThatThrownBy(() -> codec.encode(new Holder("h", new Unregistered(1))))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot encode message type 3 (" + Holder.class.getName() + ") with kryo")
                .hasMessageContaining("Class is not registered: " + Unregistered.class.getName());
    }

    @Test
    void shouldRejectEncodingAnUnregisteredClassInAPolymorphicComponent() {
        MessageCodec codec = envelopeCodec();

        assertThatThrownBy(() -> codec.encode(new Envelope(new Unregistered(2))))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Class is not registered: " + Unregistered.class.getName());
    }

    @Test
    void shouldRejectEncodingAnInstanceOfAnotherClass() {
        MessageCodec codec = orderCodec();

        assertThatThrownBy(() -> codec.encode(new Customer("not an order", 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("expected an instance of exactly that class, got an instance of " + Customer.class.getName());
        assertThatThrownBy(() -> codec.encode(null))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("got null");
    }

    @Test
    void shouldRejectTrailingBytesAfterTheMessage() {
        MessageCodec codec = orderCodec();
        ByteBuffer encoded = codec.encode(sampleOrder());
        ByteBuffer longer = ByteBuffer.allocate(encoded.remaining() + 1).put(encoded).put((byte) 0).flip();

        assertThatThrownBy(() -> codec.decode(longer))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot decode message type 1 (" + Order.class.getName() + ")")
                .hasMessageContaining("1 bytes follow the message");
    }

    @Test
    void shouldRejectATruncatedPayload() {
        MessageCodec codec = orderCodec();
        ByteBuffer encoded = codec.encode(sampleOrder());
        ByteBuffer truncated = encoded.duplicate().limit(encoded.limit() - 3);

        assertThatThrownBy(() -> codec.decode(truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Buffer underflow");
    }

    @Test
    void shouldRejectATypeThatNamesAnotherSerializer() {
        MessageType<Order> type = MessageType.of(4, Order.class, MessageType.FIXED_LAYOUT);

        assertThatThrownBy(() -> new KryoSerializer().codecFor(type))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("names serializer 'fixed-layout', not 'kryo'");
    }

    @Test
    void shouldRejectInterfacesAndAbstractClassesAsMessageTypes() {
        MessageType<?> anInterface = MessageType.of(5, List.class, KryoSerializer.NAME);
        MessageType<?> anAbstractClass = MessageType.of(6, AbstractList.class, KryoSerializer.NAME);

        assertThatThrownBy(() -> new KryoSerializer().codecFor(anInterface))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("is not a concrete class");
        assertThatThrownBy(() -> new KryoSerializer().codecFor(anAbstractClass))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("is not a concrete class");
    }
}
