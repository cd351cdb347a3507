package io.ringkernel.protocol;

/**
 * Layout of a many-to-one slot ring: {@code capacity} slots of {@code slotSize} bytes (both
 * powers of two), followed by a trailer of three counters, each on its own 128-byte line.
 *
 * <pre>
 *  +-----------+-----------+-----+---------------+---------------+---------------+
 *  |  slot 0   |  slot 1   | ... | tail (long)   | head (long)   | head cache    |
 *  +-----------+-----------+-----+---------------+---------------+---------------+
 *   capacity × slotSize bytes      +0              +128            +256
 * </pre>
 *
 * <p>A record is a {@linkplain MessageHeaderDescriptor message header} and its payload in
 * consecutive slots; it never wraps: a producer that would cross the end first fills the rest
 * of the ring with a padding record. Positions count slots and only grow; slot index =
 * position &amp; (capacity - 1).
 * <ul>
 *   <li><b>tail</b>: next free position; producers claim with a compare-and-set.</li>
 *   <li><b>head</b>: the consumer's position, release-stored after each record.</li>
 *   <li><b>head cache</b>: producers' last read of head, to spare the consumer's line.</li>
 * </ul>
 * A record at position p spanning k slots is committed when its commit word (the first long of
 * its header) is release-stored as p + k. A consumer at head h sees the record by one acquire
 * load of the slot's first line — commit word, header and the first slotSize - 64 payload bytes
 * arrive together — and knows it is committed when that word is greater than h. The consumer
 * zeroes the commit word of each continuation slot before it moves head past them, so stale
 * payload bytes never look committed.
 */
public final class RingDescriptor {
    /** Offset of tail within the trailer. */
    public static final int TAIL_OFFSET = 0;
    /** Offset of head within the trailer. */
    public static final int HEAD_OFFSET = 128;
    /** Offset of the producers' head cache within the trailer. */
    public static final int HEAD_CACHE_OFFSET = 256;
    /**
     * Commit word mark: the runtime's own sender wrote the record, so its type is one the kernel
     * declared, its payload its codec's encoding and its header sound, and it carries no deadline.
     * A consumer that screens on a device may take such a record without the host's screen; any
     * other record is screened on the host first. Producers of raw records never set it.
     */
    public static final long COMMIT_ADMITTED = 1L << 63;
    /** Commit word mark: the consumer's host side screened the record and rejected it, and answers it itself. */
    public static final long COMMIT_REJECTED = 1L << 62;
    /** The commit word's record end position, its marks cleared. */
    public static final long COMMIT_END_MASK = COMMIT_REJECTED - 1;
    /** Length of the trailer. */
    public static final int TRAILER_LENGTH = 384;
    /** Smallest slot: one header. */
    public static final int MIN_SLOT_SIZE = MessageHeaderDescriptor.HEADER_LENGTH;
    /** Required alignment of a ring's memory. */
    public static final int ALIGNMENT = 128;

    private RingDescriptor() {
    }

    /**
     * @param capacity slots
     * @param slotSize bytes per slot
     * @return bytes a ring needs
     */
    public static long requiredBytes(int capacity, int slotSize) {
        checkShape(capacity, slotSize);
        return (long) capacity * slotSize + TRAILER_LENGTH;
    }

    /**
     * Checks a ring's shape and says what is wrong.
     *
     * @param capacity slots, a power of two &gt;= 2
     * @param slotSize bytes per slot, a power of two &gt;= 64
     */
    public static void checkShape(int capacity, int slotSize) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("ring capacity must be a power of two >= 2, got " + capacity);
        }
        if (slotSize < MIN_SLOT_SIZE || Integer.bitCount(slotSize) != 1) {
            throw new IllegalArgumentException("ring slot size must be a power of two >= " + MIN_SLOT_SIZE + ", got " + slotSize);
        }
        if ((long) capacity * slotSize > Integer.MAX_VALUE - TRAILER_LENGTH) {
            throw new IllegalArgumentException("ring of " + capacity + " slots of " + slotSize + " bytes exceeds 2 GiB");
        }
    }

    /**
     * The largest payload a ring of this shape accepts: a record may take at most half the ring,
     * so that a producer that must pad to the end can always fit it once the ring drains.
     *
     * @param capacity slots
     * @param slotSize bytes per slot
     * @return bytes of payload
     */
    public static int maxPayload(int capacity, int slotSize) {
        return (capacity / 2) * slotSize - MessageHeaderDescriptor.HEADER_LENGTH;
    }
}
