package io.ringkernel.serializer.kryo;

import io.ringkernel.api.SerializationException;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageSerializer;
import io.ringkernel.spi.MessageType;
import io.ringkernel.spi.ProvidesSerializer;
import java.lang.reflect.Modifier;
import org.osgi.service.component.annotations.Component;

/**
 * The {@value #NAME} serializer: Kryo 5 with registration required. A codec accepts exactly the
 * message type's Java type and the classes in its registrations (plus the primitives, their
 * wrappers and String, which Kryo always knows); records are written by Kryo's record
 * serializer. Payload bytes can never make the JVM load or instantiate any other class: class
 * names in a payload are refused outright, and string, array and collection lengths are checked
 * against the payload's size before anything is allocated.
 */
@Component(service = MessageSerializer.class, property = MessageSerializer.PROPERTY_NAME + "=" + KryoSerializer.NAME)
@ProvidesSerializer(KryoSerializer.NAME)
public final class KryoSerializer implements MessageSerializer {
    /** The name message types use to choose this serializer. */
    public static final String NAME = "kryo";

    /** Creates the serializer; it holds no state, codecs are made per message type. */
    public KryoSerializer() {
    }

    /** @return {@value #NAME} */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Registers the type's Java type (id 16) and then each of its registrations (ids 17, 18, …, in
     * list order) in Kryo instances dedicated to the returned codec, one per thread.
     *
     * @param type a message type naming this serializer, whose Java type is a concrete class
     * @return a thread-safe codec for it
     * @throws SerializationException if the type names another serializer, its Java type is an
     *         interface, abstract or primitive, or Kryo cannot register its classes
     */
    @Override
    public MessageCodec codecFor(MessageType<?> type) {
        if (!NAME.equals(type.serializer())) {
            throw new SerializationException(null, KryoFailures.describe(type) + " names serializer '"
                    + type.serializer() + "', not '" + NAME + "'", null);
        }
        Class<?> javaType = type.javaType();
        if (javaType.isPrimitive() || javaType.isInterface()
                || (!javaType.isArray() && Modifier.isAbstract(javaType.getModifiers()))) {
            throw new SerializationException(null, KryoFailures.describe(type)
                    + " is not a concrete class; kryo codes a message as exactly its declared class", null);
        }
        KryoFactory factory = new KryoFactory(type);
        try {
            // one instance up front, so that classes Kryo cannot register fail here and not at the first message
            factory.newKryo();
        } catch (RuntimeException e) {
            throw new SerializationException(null, "kryo cannot register the classes of " + KryoFailures.describe(type)
                    + ": " + e.getMessage(), e);
        }
        return new KryoCodec(type, factory);
    }
}
