package io.ringkernel.serializer.kryo;

import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageType;

/** Message records the Kryo tests code, and codecs for them. */
final class KryoTestRecords {

    private KryoTestRecords() {
    }

    /** Nested inside {@link Order}; must be registered. */
    record Customer(String name, int tier) {
    }

    /** A message with a string, a nested registered record and an array. */
    record Order(String id, Customer customer, long[] quantities, double total) {
    }

    /** A record that is never registered. */
    record Unregistered(int value) {
    }

    /** A message holding a record whose class the test leaves unregistered. */
    record Holder(String id, Unregistered detail) {
    }

    /** A message whose body is written with its class id, so a payload could name any class there. */
    record Envelope(Object body) {
    }

    /** A registered body for {@link Envelope}. */
    record Harmless(int value) {
    }

    /** A second registered body for {@link Envelope}. */
    record AlsoHarmless(int value) {
    }

    /** @return the Order type with its nested record and array registered */
    static MessageType<Order> orderType() {
        return MessageType.of(1, Order.class, KryoSerializer.NAME, Customer.class, long[].class);
    }

    /** @return a codec for {@link #orderType()} */
    static MessageCodec orderCodec() {
        return new KryoSerializer().codecFor(orderType());
    }

    /** @return a codec for envelopes whose body may be a {@link Harmless} or an {@link AlsoHarmless} */
    static MessageCodec envelopeCodec() {
        return new KryoSerializer().codecFor(
                MessageType.of(2, Envelope.class, KryoSerializer.NAME, Harmless.class, AlsoHarmless.class));
    }
}
