package io.ringkernel.text;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a message as text: a record as its {@code toString} would, except that array
 * components show their elements ({@code Blob[data=[1, 2, 3]]}) instead of an identity hash.
 */
public final class MessageFormatter {

    private MessageFormatter() {
    }

    /**
     * @param message a message, or {@code null}
     * @return its text
     */
    public static String format(Object message) {
        if (message == null || !message.getClass().isRecord()) {
            return String.valueOf(message);
        }
        RecordComponent[] components = message.getClass().getRecordComponents();
        List<String> parts = new ArrayList<>(components.length);
        for (RecordComponent component : components) {
            if (!component.getAccessor().trySetAccessible()) {
                return message.toString();
            }
            parts.add(component.getName() + "=" + formatValue(read(component, message)));
        }
        return message.getClass().getSimpleName() + "[" + String.join(", ", parts) + "]";
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    private static String formatValue(Object value) {
        if (value == null || !value.getClass().isArray()) {
            return String.valueOf(value);
        }
        int length = Array.getLength(value);
        List<String> elements = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            elements.add(String.valueOf(Array.get(value, i)));
        }
        return "[" + String.join(", ", elements) + "]";
    }
}
