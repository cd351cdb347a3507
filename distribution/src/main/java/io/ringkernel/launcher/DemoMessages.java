package io.ringkernel.launcher;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Random;

/**
 * Builds demo messages for a kernel whose message types the launcher does not know at compile
 * time: they live in a hot-deployable bundle, so each bundle revision brings its own classes.
 *
 * <p>The type must be a record of strings and numbers; message {@code n} gets "hello n" in its
 * strings, {@code n % 16} in its whole numbers (a sensor id) and a reading around 20 in its
 * decimals.
 */
final class DemoMessages {

    private final Random random = new Random(7);

    /**
     * @param type the message type, a record
     * @param sequence the message's number
     * @return the message
     * @throws IllegalArgumentException if the type is not a record of strings and numbers
     */
    Object build(Class<?> type, long sequence) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(type, components[i].getType(), sequence);
        }
        try {
            Class<?>[] signature = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor = type.getDeclaredConstructor(signature);
            return constructor.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalArgumentException("cannot construct " + type.getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("constructing " + type.getName() + " failed", e.getCause());
        }
    }

    private Object value(Class<?> record, Class<?> type, long sequence) {
        if (type == String.class) {
            return "hello " + sequence;
        } else if (type == long.class || type == Long.class) {
            return sequence % 16;
        } else if (type == int.class || type == Integer.class) {
            return (int) (sequence % 16);
        } else if (type == double.class || type == Double.class) {
            return 20 + random.nextGaussian();
        } else if (type == float.class || type == Float.class) {
            return (float) (20 + random.nextGaussian());
        }
        throw new IllegalArgumentException(record.getName() + " has a " + type.getName()
                + " component; demo messages hold strings and numbers only");
    }
}
