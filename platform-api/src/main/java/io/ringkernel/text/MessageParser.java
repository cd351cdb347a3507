package io.ringkernel.text;

import io.ringkernel.spi.MessageType;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a message from the words typed on the command line.
 *
 * <p>The message type is looked up by its wire id among a kernel's message types. It must be a
 * record whose components are primitives, boxed primitives, {@code String}, or primitive arrays;
 * one word per component, an array written as comma-separated values ({@code 1,2,3}; an empty
 * word is an empty array). The record is built through its canonical constructor.
 *
 * <p>Every mistake is reported as an {@link IllegalArgumentException} whose one-line message
 * names what was expected.
 */
public final class MessageParser {

    private static final Map<Class<?>, Function<String, Object>> SCALARS = Map.ofEntries(
            Map.entry(boolean.class, MessageParser::parseBoolean),
            Map.entry(Boolean.class, MessageParser::parseBoolean),
            Map.entry(byte.class, Byte::valueOf),
            Map.entry(Byte.class, Byte::valueOf),
            Map.entry(short.class, Short::valueOf),
            Map.entry(Short.class, Short::valueOf),
            Map.entry(int.class, Integer::valueOf),
            Map.entry(Integer.class, Integer::valueOf),
            Map.entry(long.class, Long::valueOf),
            Map.entry(Long.class, Long::valueOf),
            Map.entry(float.class, Float::valueOf),
            Map.entry(Float.class, Float::valueOf),
            Map.entry(double.class, Double::valueOf),
            Map.entry(Double.class, Double::valueOf),
            Map.entry(char.class, MessageParser::parseChar),
            Map.entry(Character.class, MessageParser::parseChar),
            Map.entry(String.class, text -> text));

    private MessageParser() {
    }

    /**
     * @param kernelId the kernel the message is for, named in error messages
     * @param types the kernel's message types
     * @param typeId the wire id of the message type to build
     * @param words one word per record component
     * @return the message
     * @throws IllegalArgumentException if the type id is unknown, the type is not a record of
     *         supported components, the number of words is wrong or a word does not parse
     */
    public static Object parse(String kernelId, List<MessageType<?>> types, int typeId, List<String> words) {
        Class<?> javaType = types.stream()
                .filter(type -> type.typeId() == typeId)
                .findFirst()
                .<Class<?>>map(MessageType::javaType)
                .orElseThrow(() -> new IllegalArgumentException("kernel '" + kernelId + "' has no message type "
                        + typeId + "; its types are " + describe(types)));
        if (!javaType.isRecord()) {
            throw new IllegalArgumentException("message type " + typeId + " (" + javaType.getSimpleName()
                    + ") is not a record; the shell builds records only");
        }
        RecordComponent[] components = javaType.getRecordComponents();
        if (words.size() != components.length) {
            throw new IllegalArgumentException(javaType.getSimpleName() + " takes " + components.length
                    + " value(s) (" + signature(components) + "), got " + words.size());
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = parseComponent(javaType, components[i], words.get(i));
        }
        return construct(javaType, components, values);
    }

    /**
     * @param types message types
     * @return their ids and simple names, e.g. {@code 1 (Ping), 2 (Blob)}
     */
    static String describe(List<MessageType<?>> types) {
        return types.stream()
                .map(type -> type.typeId() + " (" + type.javaType().getSimpleName() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String signature(RecordComponent[] components) {
        return Arrays.stream(components)
                .map(component -> component.getType().getSimpleName() + " " + component.getName())
                .collect(Collectors.joining(", "));
    }

    private static Object parseComponent(Class<?> record, RecordComponent component, String word) {
        Class<?> type = component.getType();
        Function<String, Object> scalar = SCALARS.get(type);
        if (scalar != null) {
            return parseValue(record, component, type, scalar, word);
        }
        if (type.isArray() && type.getComponentType().isPrimitive()) {
            return parseArray(record, component, word);
        }
        throw new IllegalArgumentException(record.getSimpleName() + "." + component.getName() + " is a "
                + type.getSimpleName() + ", which the shell cannot build from text");
    }

    private static Object parseArray(Class<?> record, RecordComponent component, String word) {
        Class<?> elementType = component.getType().getComponentType();
        Function<String, Object> element = SCALARS.get(elementType);
        String[] parts = word.isBlank() ? new String[0] : word.split(",", -1);
        Object array = Array.newInstance(elementType, parts.length);
        for (int i = 0; i < parts.length; i++) {
            Array.set(array, i, parseValue(record, component, elementType, element, parts[i].trim()));
        }
        return array;
    }

    private static Object parseValue(Class<?> record, RecordComponent component, Class<?> valueType,
                                     Function<String, Object> parser, String word) {
        try {
            return parser.apply(word);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read '" + word + "' as " + valueType.getSimpleName()
                    + " for " + record.getSimpleName() + "." + component.getName());
        }
    }

    private static Object construct(Class<?> record, RecordComponent[] components, Object[] values) {
        Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> constructor = record.getDeclaredConstructor(parameterTypes);
            constructor.trySetAccessible();
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(record.getSimpleName() + " rejected the values: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot call the constructor of " + record.getName() + ": " + e, e);
        }
    }

    private static Object parseBoolean(String word) {
        if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
            return Boolean.valueOf(word);
        }
        throw new IllegalArgumentException(word);
    }

    private static Object parseChar(String word) {
        if (word.length() == 1) {
            return word.charAt(0);
        }
        throw new IllegalArgumentException(word);
    }
}
