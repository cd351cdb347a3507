package io.ringkernel.serializer.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.SerializerFactory;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers;
import com.esotericsoftware.kryo.serializers.MapSerializer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Kryo's serializers for containers that size themselves from a count read off the wire (boolean
 * and object arrays, the common collections and maps), made to check that count against the
 * bytes left first. Primitive arrays and strings are checked by {@link BoundedInput}.
 */
final class BoundedContainerSerializers {
    private static final Set<Class<?>> SIZED_COLLECTIONS =
            Set.of(ArrayList.class, LinkedList.class, ArrayDeque.class, HashSet.class, LinkedHashSet.class);
    private static final Set<Class<?>> SIZED_MAPS = Set.of(HashMap.class, LinkedHashMap.class);

    private BoundedContainerSerializers() {
    }

    /**
     * Makes the bounded serializers the defaults of a Kryo instance; call before registering classes.
     *
     * @param kryo the instance
     */
    static void addTo(Kryo kryo) {
        kryo.addDefaultSerializer(boolean[].class, new BooleanArrays());
        kryo.addDefaultSerializer(String[].class, new StringArrays());
        kryo.addDefaultSerializer(Object[].class, factory(type -> true, ObjectArrays::new));
        kryo.addDefaultSerializer(Collection.class, factory(SIZED_COLLECTIONS::contains, (k, type) -> new SizedCollections()));
        kryo.addDefaultSerializer(Map.class, factory(SIZED_MAPS::contains, (k, type) -> new SizedMaps()));
    }

    private static SerializerFactory<Serializer<?>> factory(Predicate<Class<?>> supported,
                                                            BiFunction<Kryo, Class<?>, Serializer<?>> create) {
        return new SerializerFactory<>() {
            @Override
            public Serializer<?> newSerializer(Kryo kryo, @SuppressWarnings("rawtypes") Class type) {
                return create.apply(kryo, type);
            }

            @Override
            public boolean isSupported(@SuppressWarnings("rawtypes") Class type) {
                return supported.test(type);
            }
        };
    }

    /** Kryo writes an array's length as a varint of length + 1, 0 meaning null; peeks at it. */
    private static void requireArrayFits(Input input, int bytesPerElement, String what) {
        int start = input.position();
        int lengthPlusOne = input.readVarInt(true);
        input.setPosition(start);
        if (lengthPlusOne != 0) {
            BoundedInput.requireAvailable(input, lengthPlusOne - 1L, bytesPerElement, what);
        }
    }

    /** boolean[], one byte per element. */
    static final class BooleanArrays extends DefaultArraySerializers.BooleanArraySerializer {
        @Override
        @SuppressWarnings("rawtypes")
        public boolean[] read(Kryo kryo, Input input, Class type) {
            requireArrayFits(input, 1, "a boolean array");
            return super.read(kryo, input, type);
        }
    }

    /** String[], at least one byte per element. */
    static final class StringArrays extends DefaultArraySerializers.StringArraySerializer {
        @Override
        @SuppressWarnings("rawtypes")
        public String[] read(Kryo kryo, Input input, Class type) {
            requireArrayFits(input, 1, "a string array");
            return super.read(kryo, input, type);
        }
    }

    /** Arrays of objects, at least one byte per element. */
    static final class ObjectArrays extends DefaultArraySerializers.ObjectArraySerializer {
        ObjectArrays(Kryo kryo, Class<?> type) {
            super(kryo, type);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Object[] read(Kryo kryo, Input input, Class type) {
            requireArrayFits(input, 1, "an object array");
            return super.read(kryo, input, type);
        }
    }

    /** Collections whose constructor takes a capacity, at least one byte per element. */
    static final class SizedCollections extends CollectionSerializer<Collection<Object>> {
        @Override
        protected Collection<Object> create(Kryo kryo, Input input, Class<? extends Collection<Object>> type, int size) {
            BoundedInput.requireAvailable(input, size, 1, "a collection");
            return super.create(kryo, input, type, size);
        }
    }

    /** Maps whose constructor takes a capacity, at least two bytes (key and value) per entry. */
    static final class SizedMaps extends MapSerializer<Map<Object, Object>> {
        @Override
        protected Map<Object, Object> create(Kryo kryo, Input input, Class<? extends Map<Object, Object>> type, int size) {
            BoundedInput.requireAvailable(input, size, 2, "a map");
            return super.create(kryo, input, type, size);
        }
    }
}
