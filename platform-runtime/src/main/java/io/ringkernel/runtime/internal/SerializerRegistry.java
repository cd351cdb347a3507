package io.ringkernel.runtime.internal;

import io.ringkernel.api.SerializationException;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageSerializer;
import io.ringkernel.spi.MessageType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The installed serializers by name; builds each kernel's codecs from its message types.
 * Serializers come and go; when two share a name, the one installed first serves it.
 */
final class SerializerRegistry {
    private final Map<String, List<MessageSerializer>> byName = new TreeMap<>();

    SerializerRegistry(List<MessageSerializer> installed) {
        installed.forEach(this::add);
    }

    /** @param serializer a serializer to install */
    synchronized void add(MessageSerializer serializer) {
        byName.computeIfAbsent(serializer.name(), name -> new ArrayList<>()).add(serializer);
    }

    /**
     * @param serializer a serializer to uninstall
     * @return true if it served its name, so codecs built with it must be built again
     */
    synchronized boolean remove(MessageSerializer serializer) {
        List<MessageSerializer> named = byName.get(serializer.name());
        if (named == null || named.isEmpty()) {
            return false;
        }
        boolean serving = named.get(0) == serializer;
        named.remove(serializer);
        if (named.isEmpty()) {
            byName.remove(serializer.name());
        }
        return serving;
    }

    /** @param name a serializer name @return true if a serializer of that name is installed */
    synchronized boolean installed(String name) {
        return byName.containsKey(name);
    }

    /**
     * @param definition a kernel definition
     * @param name a serializer name
     * @return true if one of the definition's message types uses that serializer
     */
    static boolean uses(KernelDefinition definition, String name) {
        return definition.messageTypes().stream().anyMatch(type -> type.serializer().equals(name));
    }

    /**
     * @param definition a kernel definition
     * @return the definition with a codec for each of its message types
     * @throws SerializationException if a type names a serializer that is not installed or refuses it
     * @throws IllegalArgumentException if two types share a type id or a Java type
     */
    synchronized KernelProgram program(KernelDefinition definition) {
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
        List<MessageSerializer> named = byName.get(type.serializer());
        if (named == null) {
            throw new SerializationException(null, "kernel definition '" + definition.id() + "' sends "
                    + type.javaType().getName() + " with serializer '" + type.serializer()
                    + "', which is not installed; installed: " + byName.keySet(), null);
        }
        return named.get(0);
    }
}
