package io.ringkernel.runtime.internal;

import io.ringkernel.api.SerializationException;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageSerializer;
import io.ringkernel.spi.MessageType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The installed serializers by name; builds each kernel's codecs from its message types. */
final class SerializerRegistry {
    private final Map<String, MessageSerializer> byName = new TreeMap<>();

    SerializerRegistry(List<MessageSerializer> installed) {
        for (MessageSerializer serializer : installed) {
            byName.putIfAbsent(serializer.name(), serializer);
        }
    }

    /**
     * @param definition a kernel definition
     * @return the definition with a codec for each of its message types
     * @throws SerializationException if a type names a serializer that is not installed or refuses it
     * @throws IllegalArgumentException if two types share a type id or a Java type
     */
    KernelProgram program(KernelDefinition definition) {
        Map<Integer, MessageCodec> codecs = new HashMap<>();
        Map<Class<?>, Integer> classes = new HashMap<>();
        for (MessageType<?> type : definition.messageTypes()) {
            Integer clash = classes.put(type.javaType(), type.typeId());
            if (clash != null) {
                throw new IllegalArgumentException("kernel definition '" + definition.id() + "' declares "
                        + type.javaType().getName() + " twice (type ids " + clash + " and " + type.typeId() + ")");
            }
            if (codecs.put(type.typeId(), serializer(definition, type).codecFor(type)) != null) {
                throw new IllegalArgumentException("kernel definition '" + definition.id() + "' declares message type id "
                        + type.typeId() + " twice");
            }
        }
        return new KernelProgram(definition, codecs);
    }

    private MessageSerializer serializer(KernelDefinition definition, MessageType<?> type) {
        MessageSerializer serializer = byName.get(type.serializer());
        if (serializer == null) {
            throw new SerializationException(null, "kernel definition '" + definition.id() + "' sends "
                    + type.javaType().getName() + " with serializer '" + type.serializer()
                    + "', which is not installed; installed: " + byName.keySet(), null);
        }
        return serializer;
    }
}
