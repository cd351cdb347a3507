package io.ringkernel.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** Turns message objects into payload bytes and back, for the message types that name it. */
@ConsumerType
public interface MessageSerializer {

    /** Service property: the serializer's name, as message types refer to it. */
    String PROPERTY_NAME = "ringkernel.serializer.name";

    /** @return the name message types use to choose this serializer, e.g. "kryo" */
    String name();

    /**
     * @param type a message type that names this serializer
     * @return a codec for that type (thread-safe)
     * @throws io.ringkernel.api.SerializationException if the type cannot be handled
     */
    MessageCodec codecFor(MessageType<?> type);
}
