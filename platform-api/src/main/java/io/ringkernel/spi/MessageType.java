package io.ringkernel.spi;

import java.util.List;
import java.util.Objects;

/**
 * A message type a kernel accepts or produces: its wire id, its Java type and the serializer
 * that encodes it.
 *
 * @param typeId the wire id, unique within the kernel, &gt;= 1
 * @param javaType the Java type
 * @param serializer the serializer's name, e.g. "kryo" or "fixed-layout"
 * @param registrations further classes the serializer must accept inside this type (Kryo
 *                      refuses every class that was not registered)
 * @param <T> the Java type
 */
public record MessageType<T>(int typeId, Class<T> javaType, String serializer, List<Class<?>> registrations) {

    /** Name of the built-in fixed-layout serializer. */
    public static final String FIXED_LAYOUT = "fixed-layout";

    /** Validates the id and copies the registrations. */
    public MessageType {
        if (typeId < 1) {
            throw new IllegalArgumentException("message type ids start at 1, got " + typeId + " for " + javaType);
        }
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(serializer, "serializer");
        registrations = List.copyOf(registrations);
    }

    /**
     * @param typeId the wire id
     * @param javaType the Java type
     * @param serializer the serializer's name
     * @param registrations further classes to register
     * @param <T> the Java type
     * @return the message type
     */
    public static <T> MessageType<T> of(int typeId, Class<T> javaType, String serializer, Class<?>... registrations) {
        return new MessageType<>(typeId, javaType, serializer, List.of(registrations));
    }
}
