package io.ringkernel.runtime.internal;

import io.ringkernel.protocol.ManyToOneSlotRing;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of one batch, encoded before any of them is queued, grouped into the runs they are
 * written in: a run is as many consecutive messages as fit {@code maxRunSlots} slots of the ring
 * (or one message that takes more), its payloads back to back in one buffer. The encoder's
 * buffers are copied into chunks shared by consecutive runs, each sized for the messages still to
 * come, so a batch allocates little beyond its payload bytes.
 */
final class EncodedBatch {
    /** Most bytes a chunk of payloads takes, unless one payload needs more. */
    static final int CHUNK_BYTES = 1 << 20;

    private final ManyToOneSlotRing ring;
    private final int maxRunSlots;
    private final int[] types;
    private final int[] lengths;
    private final List<Run> runs = new ArrayList<>();
    private ByteBuffer chunk;
    private int size;
    private int runFrom;
    private int runStart;
    private int runSlots;

    /**
     * @param capacity messages the batch will hold
     * @param ring the ring the batch goes to, which says how many slots a record takes
     * @param maxRunSlots most slots of a run, unless one message takes more
     */
    EncodedBatch(int capacity, ManyToOneSlotRing ring, int maxRunSlots) {
        this.ring = ring;
        this.maxRunSlots = maxRunSlots;
        this.types = new int[capacity];
        this.lengths = new int[capacity];
    }

    /**
     * Adds the next message, copying its payload.
     *
     * @param typeId its wire type
     * @param payload its encoding between position and limit (not consumed)
     */
    void add(int typeId, ByteBuffer payload) {
        int length = payload.remaining();
        int slots = ring.slotsFor(length);
        if (size > runFrom && runSlots + slots > maxRunSlots) {
            endRun();
        }
        if (chunk == null || chunk.remaining() < length) {
            endRun();
            long wanted = Math.min(CHUNK_BYTES, (long) (types.length - size) * length);
            chunk = ByteBuffer.allocate((int) Math.max(length, wanted));
            runStart = 0;
        }
        chunk.put(chunk.position(), payload, payload.position(), length).position(chunk.position() + length);
        types[size] = typeId;
        lengths[size] = length;
        size++;
        runSlots += slots;
    }

    /** @return messages added */
    int size() {
        return size;
    }

    /** @param index a message's index @return its wire type */
    int typeId(int index) {
        return types[index];
    }

    /** @param index a message's index @return its payload's length */
    int length(int index) {
        return lengths[index];
    }

    /** @return the runs, in order; call once every message is added */
    List<Run> runs() {
        endRun();
        return runs;
    }

    private void endRun() {
        if (size > runFrom) {
            runs.add(new Run(runFrom, size, chunk.slice(runStart, chunk.position() - runStart)));
            runFrom = size;
            runStart = chunk.position();
            runSlots = 0;
        }
    }

    /**
     * Consecutive messages written under one claim.
     *
     * @param from the index of its first message
     * @param to the index after its last message
     * @param payloads their payloads back to back, between position and limit
     */
    record Run(int from, int to, ByteBuffer payloads) {
        /** @return messages in the run */
        int count() {
            return to - from;
        }
    }
}
