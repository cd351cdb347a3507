package io.ringkernel.protocol;

import static io.ringkernel.protocol.BufferAccess.LONG;
import static io.ringkernel.protocol.MessageHeaderDescriptor.CHECKSUM_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.COMMIT_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_TYPE_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_MARK;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_TYPE;

import java.nio.ByteBuffer;

/**
 * A bounded, lock-free ring of slots that many producers write and one consumer reads, laid out
 * as {@link RingDescriptor} describes so that a device can be either side.
 *
 * <p>Producing: {@link #tryClaim(int)} reserves consecutive slots with a compare-and-set on tail,
 * the producer writes header and payload at {@link #offset(long)}, then {@link #commit(long, int)}
 * release-stores the commit word. A producer with several records claims one run of slots for
 * all of them with {@link #tryClaimSlots(int)}, one compare-and-set, and then writes and commits
 * each record of the run in turn, as if it had claimed them one by one. Consuming:
 * {@link #read(RecordHandler, int)} hands committed records over in position order. Records of
 * one producer arrive in the order it claimed them.
 */
public final class ManyToOneSlotRing {
    /** Returned by {@link #tryClaim(int)} and {@link #tryClaimSlots(int)} when the ring has no room now. */
    public static final long INSUFFICIENT_CAPACITY = -1;

    private final ByteBuffer buffer;
    private final int capacity;
    private final int slotSize;
    private final int slotShift;
    private final long mask;
    private final int maxPayload;
    private final int tailIndex;
    private final int headIndex;
    private final int headCacheIndex;

    /**
     * Wraps a ring over memory that is zeroed or already holds a ring of the same shape.
     *
     * @param memory direct buffer of at least {@link RingDescriptor#requiredBytes} bytes, 128-byte aligned
     * @param capacity slots, a power of two
     * @param slotSize bytes per slot, a power of two &gt;= 64
     */
    public ManyToOneSlotRing(ByteBuffer memory, int capacity, int slotSize) {
        RingDescriptor.checkShape(capacity, slotSize);
        long required = RingDescriptor.requiredBytes(capacity, slotSize);
        if (memory.capacity() < required) {
            throw new IllegalArgumentException("ring of " + capacity + " x " + slotSize + " B needs " + required
                    + " bytes, buffer has " + memory.capacity());
        }
        this.buffer = BufferAccess.littleEndian(memory);
        this.capacity = capacity;
        this.slotSize = slotSize;
        this.slotShift = Integer.numberOfTrailingZeros(slotSize);
        this.mask = capacity - 1L;
        this.maxPayload = RingDescriptor.maxPayload(capacity, slotSize);
        int trailer = capacity * slotSize;
        this.tailIndex = trailer + RingDescriptor.TAIL_OFFSET;
        this.headIndex = trailer + RingDescriptor.HEAD_OFFSET;
        this.headCacheIndex = trailer + RingDescriptor.HEAD_CACHE_OFFSET;
    }

    /** @return slots in the ring */
    public int capacity() {
        return capacity;
    }

    /** @return bytes per slot */
    public int slotSize() {
        return slotSize;
    }

    /** @return the largest payload one record can carry */
    public int maxPayload() {
        return maxPayload;
    }

    /** @return the ring's buffer (little-endian); use absolute accessors only */
    public ByteBuffer buffer() {
        return buffer;
    }

    /**
     * @param payloadLength bytes of payload
     * @return slots a record with that payload spans
     */
    public int slotsFor(int payloadLength) {
        return (HEADER_LENGTH + payloadLength + slotSize - 1) >>> slotShift;
    }

    /**
     * Reserves room for one record.
     *
     * @param payloadLength bytes of payload, at most {@link #maxPayload()}
     * @return the record's position, or {@link #INSUFFICIENT_CAPACITY} when the ring is too full now
     * @throws IllegalArgumentException if the payload can never fit
     */
    public long tryClaim(int payloadLength) {
        if (payloadLength < 0 || payloadLength > maxPayload) {
            throw new IllegalArgumentException("payload of " + payloadLength + " bytes does not fit a ring record (max "
                    + maxPayload + ")");
        }
        return tryClaimSlots(slotsFor(payloadLength));
    }

    /**
     * Reserves a run of consecutive slots for records the producer then writes back to back: the
     * first at the returned position, each next one where the one before it ends
     * ({@link #slotsFor(int)}), each committed on its own with {@link #commit(long, int)}, in
     * order, until the run is filled exactly. A run never wraps: one that would cross the end of
     * the ring is claimed at its start, behind a padding record over the rest of the ring, as
     * {@link #tryClaim(int)} places one record.
     *
     * @param slots slots of the run, from 1 to half the capacity (so that a run and its padding
     *              always fit the ring once it drains)
     * @return the run's first position, or {@link #INSUFFICIENT_CAPACITY} when the ring is too full now
     * @throws IllegalArgumentException if the run can never fit
     */
    public long tryClaimSlots(int slots) {
        if (slots < 1 || slots > capacity / 2) {
            throw new IllegalArgumentException("a run of " + slots + " slots does not fit a ring of " + capacity
                    + " slots (1 to " + capacity / 2 + ")");
        }
        // acquire/release on the cache: a producer that trusts another's cached head also sees the
        // consumer's writes (the zeroed commit words) that the head published
        long headCache = (long) LONG.getAcquire(buffer, headCacheIndex);
        while (true) {
            long tail = (long) LONG.getVolatile(buffer, tailIndex);
            int index = (int) (tail & mask);
            int padding = index + slots > capacity ? capacity - index : 0;
            long end = tail + padding + slots;
            if (end - headCache > capacity) {
                long head = (long) LONG.getVolatile(buffer, headIndex);
                if (end - head > capacity) {
                    return INSUFFICIENT_CAPACITY;
                }
                headCache = head;
                LONG.setRelease(buffer, headCacheIndex, head);
            }
            if (LONG.compareAndSet(buffer, tailIndex, tail, end)) {
                if (padding != 0) {
                    int paddingOffset = index << slotShift;
                    buffer.putInt(paddingOffset + MESSAGE_TYPE_OFFSET, PADDING_TYPE);
                    buffer.putInt(paddingOffset + CHECKSUM_OFFSET, PADDING_MARK);
                    LONG.setRelease(buffer, paddingOffset + COMMIT_OFFSET, tail + padding);
                }
                return tail + padding;
            }
        }
    }

    /**
     * @param position a claimed position
     * @return byte offset of the record's header in {@link #buffer()}
     */
    public int offset(long position) {
        return (int) (position & mask) << slotShift;
    }

    /**
     * Publishes a record: release-stores its commit word after everything the producer wrote.
     *
     * @param position the claimed position
     * @param payloadLength the payload length it was claimed with
     */
    public void commit(long position, int payloadLength) {
        commit(position, payloadLength, false);
    }

    /**
     * Publishes a record, marked {@link RingDescriptor#COMMIT_ADMITTED} if the runtime's own
     * sender wrote it.
     *
     * @param position the claimed position
     * @param payloadLength the payload length it was claimed with
     * @param admitted whether the runtime's sender wrote it, from a message its codec encoded
     */
    public void commit(long position, int payloadLength, boolean admitted) {
        long end = position + slotsFor(payloadLength);
        LONG.setRelease(buffer, offset(position) + COMMIT_OFFSET, admitted ? end | RingDescriptor.COMMIT_ADMITTED : end);
    }

    /**
     * Reads committed records in position order, at most {@code limit} of them (padding records
     * are skipped and not counted), then publishes the new head once for the whole batch. Only
     * one thread may read at a time.
     *
     * @param handler receives each record
     * @param limit most records to read
     * @return records handed to the handler
     */
    public int read(RecordHandler handler, int limit) {
        long start = (long) LONG.getOpaque(buffer, headIndex);
        long head = start;
        int records = 0;
        try {
            while (records < limit) {
                int offset = offset(head);
                long end = (long) LONG.getAcquire(buffer, offset + COMMIT_OFFSET) & RingDescriptor.COMMIT_END_MASK;
                if (end <= head) {
                    break;
                }
                int slots = (int) (end - head);
                boolean padding = isPadding(head, slots);
                try {
                    if (!padding) {
                        records++;
                        handler.onRecord(buffer, offset, slots << slotShift);
                    }
                } finally {
                    release(offset, slots);
                    head = end;
                }
            }
        } finally {
            if (head != start) {
                LONG.setRelease(buffer, headIndex, head);
            }
        }
        return records;
    }

    /**
     * For a consumer that takes records without {@link #read}: whether the committed record at a
     * position is the padding a producer wrote to skip the ring's end, which no one answers.
     *
     * @param position a committed record's position
     * @param slots the slots it spans, from its commit word
     * @return true if it is padding
     */
    public boolean isPadding(long position, int slots) {
        int offset = offset(position);
        return buffer.getInt(offset + MESSAGE_TYPE_OFFSET) == PADDING_TYPE
                && buffer.getInt(offset + CHECKSUM_OFFSET) == PADDING_MARK
                && slots == capacity - (int) (position & mask);
    }

    private void release(int offset, int slots) {
        for (int i = 1; i < slots; i++) {
            buffer.putLong(offset + (i << slotShift) + COMMIT_OFFSET, 0L);
        }
    }

    /**
     * @param position a position
     * @return the commit word of the record that would start there, its marks
     *         ({@link RingDescriptor#COMMIT_ADMITTED}, {@link RingDescriptor#COMMIT_REJECTED})
     *         included: committed if its end ({@link RingDescriptor#COMMIT_END_MASK}) lies past the position
     */
    public long commitWord(long position) {
        return (long) LONG.getAcquire(buffer, offset(position) + COMMIT_OFFSET);
    }

    /**
     * Marks a committed record, for a consumer whose device takes records by their marks: the
     * mark is release-stored into its commit word, after whatever the caller wrote before.
     *
     * @param position a committed, not yet consumed record's position
     * @param mark {@link RingDescriptor#COMMIT_ADMITTED} or {@link RingDescriptor#COMMIT_REJECTED}
     */
    public void mark(long position, long mark) {
        LONG.setRelease(buffer, offset(position) + COMMIT_OFFSET, commitWord(position) | mark);
    }

    /** @return true if the record at the consumer's position is committed */
    public boolean hasCommitted() {
        long head = (long) LONG.getVolatile(buffer, headIndex);
        return ((long) LONG.getAcquire(buffer, offset(head) + COMMIT_OFFSET) & RingDescriptor.COMMIT_END_MASK) > head;
    }

    /** @return slots claimed and not yet consumed */
    public long depth() {
        long head = (long) LONG.getVolatile(buffer, headIndex);
        long tail = (long) LONG.getVolatile(buffer, tailIndex);
        return Math.max(0, tail - head);
    }

    /** @return the producers' claim position */
    public long tail() {
        return (long) LONG.getVolatile(buffer, tailIndex);
    }

    /** @return the consumer's position */
    public long head() {
        return (long) LONG.getVolatile(buffer, headIndex);
    }
}
