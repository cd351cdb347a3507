package io.ringkernel.backend.aparapi;

import io.ringkernel.aparapi.MessageBatchKernel;
import io.ringkernel.aparapi.Part;
import io.ringkernel.aparapi.Reply;
import io.ringkernel.aparapi.Request;
import io.ringkernel.codec.FixedLayout;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a handler class's columns map onto its kernel's fixed-layout message types: the request
 * columns to fill for each type, and the reply columns to pack each type from. Built once per
 * compiled kernel, after checking every {@link Request} and {@link Reply} field.
 *
 * @param layouts the fixed layout of each fixed-layout message type, by wire id
 * @param requests the request columns, by wire id
 * @param replies the reply columns, by wire id
 */
record ColumnPlan(Map<Integer, FixedLayout> layouts, Map<Integer, List<Column>> requests,
                  Map<Integer, List<Column>> replies) {

    /**
     * @param handler the handler class
     * @param definition the kernel definition it handles
     * @return the plan
     * @throws IllegalArgumentException naming the field, if a field's binding does not fit the
     *         definition's message types
     */
    static ColumnPlan of(Class<? extends MessageBatchKernel> handler, KernelDefinition definition) {
        Map<Class<?>, Integer> typeIds = new HashMap<>();
        Map<Integer, FixedLayout> layouts = new HashMap<>();
        for (MessageType<?> type : definition.messageTypes()) {
            if (MessageType.FIXED_LAYOUT.equals(type.serializer()) && type.javaType().isRecord()) {
                typeIds.put(type.javaType(), type.typeId());
                layouts.put(type.typeId(), FixedLayout.of(type.javaType().asSubclass(Record.class)));
            }
        }
        Map<Integer, List<Column>> requests = new HashMap<>();
        Map<Integer, List<Column>> replies = new HashMap<>();
        for (Class<?> type = handler; type != MessageBatchKernel.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Request request = field.getAnnotation(Request.class);
                Reply reply = field.getAnnotation(Reply.class);
                if (request != null && reply != null) {
                    throw new IllegalArgumentException(describe(field) + " is both a @Request and a @Reply column");
                }
                if (request != null) {
                    add(requests, bind(field, request.type(), request.component(), request.part(), typeIds, layouts));
                } else if (reply != null) {
                    add(replies, bind(field, reply.type(), reply.component(), reply.part(), typeIds, layouts));
                }
            }
        }
        return new ColumnPlan(Map.copyOf(layouts), Map.copyOf(requests), Map.copyOf(replies));
    }

    /** @return every column, requests first */
    List<Column> columns() {
        List<Column> all = new ArrayList<>();
        requests.values().forEach(all::addAll);
        replies.values().forEach(all::addAll);
        return all;
    }

    /**
     * @param typeId a wire id
     * @param component a component of that type
     * @param part a part
     * @return the reply column holding it, or null if the handler declares none
     */
    Column reply(int typeId, FixedLayout.Field component, Part part) {
        for (Column column : replies.getOrDefault(typeId, List.of())) {
            if (column.part() == part && column.component().equals(component)) {
                return column;
            }
        }
        return null;
    }

    private static void add(Map<Integer, List<Column>> columns, Column column) {
        columns.computeIfAbsent(column.typeId(), id -> new ArrayList<>()).add(column);
    }

    private static Column bind(Field field, Class<? extends Record> type, String componentName, Part part,
                               Map<Class<?>, Integer> typeIds, Map<Integer, FixedLayout> layouts) {
        Integer typeId = typeIds.get(type);
        if (typeId == null) {
            throw new IllegalArgumentException(describe(field) + " binds " + type.getName()
                    + ", which is not a fixed-layout message type of the kernel");
        }
        FixedLayout layout = layouts.get(typeId);
        FixedLayout.Field component = layout.fields().stream().filter(f -> f.name().equals(componentName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(describe(field) + " binds component '" + componentName
                        + "', which " + type.getSimpleName() + " does not have (it has "
                        + layout.fields().stream().map(FixedLayout.Field::name).toList() + ")"));
        if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
            throw new IllegalArgumentException(describe(field) + " must be neither static nor final: the backend sets it");
        }
        Class<?> expected = expectedType(component, part, field);
        if (field.getType() != expected) {
            throw new IllegalArgumentException(describe(field) + " holds " + part + " of " + type.getSimpleName() + "."
                    + componentName + " and must be declared " + expected.getSimpleName() + ", not "
                    + field.getType().getSimpleName());
        }
        field.setAccessible(true);
        return new Column(field, typeId, component, part, Primitive.of(expected.getComponentType()));
    }

    private static Class<?> expectedType(FixedLayout.Field component, Part part, Field field) {
        boolean array = component.kind() == FixedLayout.Field.Kind.ARRAY;
        if (part != Part.VALUES) {
            if (!array) {
                throw new IllegalArgumentException(describe(field) + " asks for the " + part + " of component '"
                        + component.name() + "', which is no array");
            }
            return int[].class;
        }
        return array ? component.javaType() : component.javaType().arrayType();
    }

    private static String describe(Field field) {
        return "field '" + field.getName() + "' of " + field.getDeclaringClass().getName();
    }
}
