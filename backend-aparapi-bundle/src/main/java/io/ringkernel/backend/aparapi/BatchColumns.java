package io.ringkernel.backend.aparapi;

import io.ringkernel.aparapi.MessageBatchKernel;
import io.ringkernel.aparapi.Part;
import io.ringkernel.codec.FixedLayout;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The column arrays of one handler instance, sized for its kernel's batches: fills request
 * columns from payloads before a run and packs reply payloads from reply columns after it.
 * Message {@code i} of a batch owns index {@code i} of each per-message column and, of each array
 * component's element column, the slice from {@code i * capacity} on, where {@code capacity} is
 * how many elements of that component fit in the kernel's largest payload.
 */
final class BatchColumns {
    private static final int DATA_ALIGNMENT = 8;

    private final ColumnPlan plan;
    private final int maxPayload;
    private final Map<Column, Object> arrays = new HashMap<>();
    /* Elements of each array component that fit in the largest payload of its type, by wire id: computed once. */
    private final Map<Integer, Map<FixedLayout.Field, Integer>> capacities = new HashMap<>();

    /**
     * Allocates every column and sets it on the handler.
     *
     * @param plan the handler's columns
     * @param handler the handler instance
     * @param slots work-items per run
     * @param maxPayload the kernel's largest payload in bytes
     */
    BatchColumns(ColumnPlan plan, MessageBatchKernel handler, int slots, int maxPayload) {
        this.plan = plan;
        this.maxPayload = maxPayload;
        plan.layouts().forEach((typeId, layout) -> {
            Map<FixedLayout.Field, Integer> byComponent = new HashMap<>();
            for (FixedLayout.Field component : layout.fields()) {
                if (component.kind() == FixedLayout.Field.Kind.ARRAY) {
                    byComponent.put(component,
                            Math.max(0, (maxPayload - layout.fixedLength()) / elementSize(component)));
                }
            }
            capacities.put(typeId, byComponent);
        });
        handler.allocateBatch(slots);
        for (Column column : plan.columns()) {
            int perMessage = column.perMessage() ? 1 : elementCapacity(column.typeId(), column.component());
            Object array = column.primitive().newArray(Math.multiplyExact(slots, perMessage));
            arrays.put(column, array);
            try {
                column.field().set(handler, array);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set " + column.field(), e);
            }
        }
    }

    /**
     * Bytes of element columns a message takes, for sizing batches.
     *
     * @param plan the handler's columns
     * @param maxPayload the kernel's largest payload in bytes
     * @return the bytes
     */
    static long elementBytesPerMessage(ColumnPlan plan, int maxPayload) {
        return plan.columns().stream().filter(column -> !column.perMessage())
                .mapToLong(column -> Math.max(0, maxPayload - plan.layouts().get(column.typeId()).fixedLength()))
                .sum();
    }

    /**
     * Fills slot {@code slot} of the request columns of a message's type.
     *
     * @param slot the message's index in the batch
     * @param typeId its wire type
     * @param payload a little-endian buffer holding its payload, already decoded once, so every
     *                offset and count in it is sound
     * @param at where the payload starts in it
     */
    void unpack(int slot, int typeId, ByteBuffer payload, int at) {
        for (Column column : plan.requests().getOrDefault(typeId, List.of())) {
            int offset = at + column.component().offset();
            Object array = arrays.get(column);
            if (!column.arrayComponent()) {
                column.primitive().read(payload, offset, array, slot, 1);
                continue;
            }
            int count = payload.getInt(offset + 4);
            switch (column.part()) {
                case VALUES -> column.primitive().read(payload, at + payload.getInt(offset), array,
                        slot * elementCapacity(typeId, column.component()), count);
                case START -> ((int[]) array)[slot] = slot * elementCapacity(typeId, column.component());
                case LENGTH -> ((int[]) array)[slot] = count;
                default -> throw new IllegalStateException(column.part().name());
            }
        }
    }

    /**
     * Readies the reply columns for a run: zeroes the per-message ones and points each START at
     * its message's slice.
     *
     * @param messages messages in the batch
     */
    void clearReplies(int messages) {
        for (List<Column> columns : plan.replies().values()) {
            for (Column column : columns) {
                Object array = arrays.get(column);
                if (column.part() == Part.START) {
                    int[] starts = (int[]) array;
                    int capacity = elementCapacity(column.typeId(), column.component());
                    for (int slot = 0; slot < messages; slot++) {
                        starts[slot] = slot * capacity;
                    }
                } else if (column.perMessage()) {
                    column.primitive().zero(array, messages);
                }
            }
        }
    }

    /**
     * Packs the reply of one message from the reply columns of its reply type.
     *
     * @param slot the message's index in the batch
     * @param typeId the reply's wire type, a fixed-layout type of the kernel
     * @param target a little-endian buffer of the kernel's largest payload, overwritten
     * @return the payload's length
     * @throws IllegalArgumentException if an array length the handler wrote is negative or beyond
     *         its slice, or the reply does not fit the kernel's largest payload
     */
    int pack(int slot, int typeId, ByteBuffer target) {
        FixedLayout layout = plan.layouts().get(typeId);
        int length = replyLength(slot, typeId, layout);
        for (int i = 0; i < layout.fixedLength(); i++) {
            target.put(i, (byte) 0);
        }
        int dataEnd = layout.fixedLength();
        for (FixedLayout.Field component : layout.fields()) {
            Column values = plan.reply(typeId, component, Part.VALUES);
            if (component.kind() == FixedLayout.Field.Kind.PRIMITIVE) {
                if (values != null) {
                    values.primitive().write(arrays.get(values), slot, target, component.offset(), 1);
                }
                continue;
            }
            int count = arrayLength(slot, typeId, component);
            int dataOffset = align(dataEnd);
            for (int i = dataEnd; i < dataOffset; i++) {
                target.put(i, (byte) 0);
            }
            target.putInt(component.offset(), dataOffset);
            target.putInt(component.offset() + 4, count);
            if (values != null) {
                values.primitive().write(arrays.get(values), slot * elementCapacity(typeId, component), target,
                        dataOffset, count);
            } else {
                for (int i = 0; i < count * elementSize(component); i++) {
                    target.put(dataOffset + i, (byte) 0);
                }
            }
            dataEnd = dataOffset + count * elementSize(component);
        }
        return length;
    }

    private int replyLength(int slot, int typeId, FixedLayout layout) {
        long dataEnd = layout.fixedLength();
        for (FixedLayout.Field component : layout.fields()) {
            if (component.kind() == FixedLayout.Field.Kind.ARRAY) {
                int count = arrayLength(slot, typeId, component);
                int capacity = elementCapacity(typeId, component);
                if (count < 0 || count > capacity) {
                    throw new IllegalArgumentException("the handler set the length of reply component '"
                            + component.name() + "' to " + count + ", outside 0.." + capacity);
                }
                dataEnd = align(dataEnd) + (long) count * elementSize(component);
            }
        }
        if (dataEnd > maxPayload) {
            throw new IllegalArgumentException("the reply takes " + dataEnd
                    + " bytes, more than the kernel's maximum payload of " + maxPayload);
        }
        return (int) dataEnd;
    }

    private int arrayLength(int slot, int typeId, FixedLayout.Field component) {
        Column lengths = plan.reply(typeId, component, Part.LENGTH);
        return lengths == null ? 0 : ((int[]) arrays.get(lengths))[slot];
    }

    /** @return elements of an array component that fit in the kernel's largest payload of its type */
    private int elementCapacity(int typeId, FixedLayout.Field component) {
        return capacities.get(typeId).get(component);
    }

    private static int elementSize(FixedLayout.Field component) {
        return Primitive.of(component.javaType().getComponentType()).size();
    }

    private static long align(long offset) {
        return (offset + DATA_ALIGNMENT - 1) & -DATA_ALIGNMENT;
    }

    private static int align(int offset) {
        return (offset + DATA_ALIGNMENT - 1) & -DATA_ALIGNMENT;
    }
}
