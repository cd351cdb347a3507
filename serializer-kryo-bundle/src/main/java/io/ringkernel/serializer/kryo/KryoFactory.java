package io.ringkernel.serializer.kryo;

import com.esotericsoftware.kryo.Kryo;
import io.ringkernel.spi.MessageType;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the Kryo instances of one message type, all configured and registered alike: class
 * registration required, references off, object graphs at most {@value #MAX_DEPTH} deep, class
 * names refused, wire counts bounded. The message type's Java type gets registration id
 * {@value #FIRST_REGISTRATION_ID} and its i-th registration id {@value #FIRST_REGISTRATION_ID} + 1 + i,
 * so two codecs made from equal message types agree on every id. A class Kryo registers by
 * default (the primitives, their wrappers, String, void) or listed twice keeps its first id and
 * leaves its later slot unused.
 */
final class KryoFactory {
    /** Registration id of the message type's Java type; Kryo's default registrations lie below. */
    static final int FIRST_REGISTRATION_ID = 16;
    /** Deepest object nesting accepted, so hostile payloads cannot overflow the stack. */
    static final int MAX_DEPTH = 128;

    private final List<Class<?>> registrationOrder;

    /** @param type the message type whose Java type and registrations are registered */
    KryoFactory(MessageType<?> type) {
        List<Class<?>> order = new ArrayList<>(1 + type.registrations().size());
        order.add(type.javaType());
        order.addAll(type.registrations());
        this.registrationOrder = List.copyOf(order);
    }

    /** @return a new, fully registered Kryo instance, to be used by one thread at a time */
    Kryo newKryo() {
        Kryo kryo = new Kryo(new RefusingClassResolver(), null);
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        kryo.setMaxDepth(MAX_DEPTH);
        BoundedContainerSerializers.addTo(kryo);
        for (int i = 0; i < registrationOrder.size(); i++) {
            kryo.register(registrationOrder.get(i), FIRST_REGISTRATION_ID + i);
        }
        return kryo;
    }
}
