package io.ringkernel.codec;

import io.ringkernel.api.SerializationException;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageSerializer;
import io.ringkernel.spi.MessageType;

/**
 * The built-in {@value io.ringkernel.spi.MessageType#FIXED_LAYOUT} serializer: codes records of
 * primitives and primitive arrays in the {@link FixedLayout}, which device handlers read in place.
 * A message type's registrations are not needed and are ignored.
 */
public final class FixedLayoutSerializer implements MessageSerializer {

    /** Creates the serializer; it holds no state, codecs are made per message type. */
    public FixedLayoutSerializer() {
    }

    /** @return {@value io.ringkernel.spi.MessageType#FIXED_LAYOUT} */
    @Override
    public String name() {
        return MessageType.FIXED_LAYOUT;
    }

    /**
     * @param type a message type naming this serializer, whose Java type is a fixed-layout record
     * @return a thread-safe codec for it
     * @throws SerializationException if the type names another serializer or its Java type is not
     *         a record of primitives and primitive arrays (the message says why)
     */
    @Override
    public MessageCodec codecFor(MessageType<?> type) {
        if (!MessageType.FIXED_LAYOUT.equals(type.serializer())) {
            throw new SerializationException(null, "message type " + type.typeId() + " (" + type.javaType().getName()
                    + ") names serializer '" + type.serializer() + "', not '" + MessageType.FIXED_LAYOUT + "'", null);
        }
        if (!type.javaType().isRecord()) {
            throw new SerializationException(null, "message type " + type.typeId() + " (" + type.javaType().getName()
                    + ") is not a record; the fixed layout codes records only", null);
        }
        try {
            return new FixedLayoutCodec(FixedLayout.of(type.javaType().asSubclass(Record.class)));
        } catch (IllegalArgumentException e) {
            throw new SerializationException(null, "message type " + type.typeId() + " cannot use the fixed layout: "
                    + e.getMessage(), e);
        }
    }
}
