package io.ringkernel.serializer.kryo;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.SerializationException;
import io.ringkernel.serializer.kryo.KryoTestRecords.Customer;
import io.ringkernel.serializer.kryo.KryoTestRecords.Order;
import io.ringkernel.spi.MessageCodec;
import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class KryoPropertiesTest {
    private static final MessageCodec ORDERS = KryoTestRecords.orderCodec();
    private static final Order KNOWN = new Order("known", new Customer("c", 2), new long[] {4, 5}, 6.5);

    /** Decodes, returning normally or throwing SerializationException; anything else fails the property. */
    private static void decodeOrReject(byte[] payload) {
        try {
            assertThat(ORDERS.decode(ByteBuffer.wrap(payload))).isInstanceOf(Order.class);
        } catch (SerializationException expected) {
            assertThat(expected.getMessage()).startsWith("cannot decode message type 1 (" + Order.class.getName() + ")");
        }
    }

    /** After any failure the thread's Kryo must still work. */
    private static void assertStillRoundTrips() {
        assertThat(ORDERS.decode(ORDERS.encode(KNOWN))).usingRecursiveComparison().isEqualTo(KNOWN);
    }

    @Property(tries = 1000)
    void shouldRoundTripRandomOrders(@ForAll String id, @ForAll String customerName, @ForAll int tier,
                                     @ForAll @Size(max = 50) long[] quantities, @ForAll double total) {
        Order order = new Order(id, new Customer(customerName, tier), quantities, total);

        Order decoded = (Order) ORDERS.decode(ORDERS.encode(order));

        assertThat(decoded.id()).isEqualTo(id);
        assertThat(decoded.customer()).isEqualTo(order.customer());
        assertThat(decoded.quantities()).containsExactly(quantities);
        assertThat(Double.doubleToRawLongBits(decoded.total())).isEqualTo(Double.doubleToRawLongBits(total));
    }

    @Property(tries = 3000)
    void shouldDecodeOrRejectRandomGarbage(@ForAll @Size(max = 300) byte[] garbage) {
        decodeOrReject(garbage);
        assertStillRoundTrips();
    }

    @Property(tries = 3000)
    void shouldDecodeOrRejectValidPayloadsWithRandomBytesOverwritten(
            @ForAll @Size(max = 30) String id, @ForAll @Size(max = 10) long[] quantities,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(max = 200) Integer> positions, @ForAll byte replacement) {
        ByteBuffer encoded = ORDERS.encode(new Order(id, new Customer("name", 1), quantities, 1.5));
        byte[] payload = new byte[encoded.remaining()];
        encoded.get(payload);
        for (int position : positions) {
            if (position < payload.length) {
                payload[position] = replacement;
            }
        }

        decodeOrReject(payload);
        assertStillRoundTrips();
    }
}
