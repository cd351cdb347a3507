package io.ringkernel.jcstress;

import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageWriter;
import io.ringkernel.protocol.RingDescriptor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Small rings of 64-byte slots for the tests, and the producer side as the runtime's
 * {@code MessageSender} does it: {@link MessageWriter#tryWrite} with the header fields a host
 * send fills in (claim, header, payload, checksum, commit; one attempt, no waiting), or
 * {@link MessageWriter#tryWriteRun} for several records under one claim, as a batch is sent.
 *
 * <p>Every record the tests write carries one value: its message id, and every int of its
 * payload. {@link RecordReader} checks both, and the checksum, when it reads the record back.
 */
final class Rings {
    /** Bytes per slot: one header, so any payload makes a record of two slots. */
    static final int SLOT_SIZE = 64;
    /** Payload of a record that fits one slot: the header alone. */
    static final int ONE_SLOT = 0;
    /** Payload of a record that spans two slots: the header, then a second slot of payload. */
    static final int TWO_SLOTS = SLOT_SIZE;
    /** Message type of every record the tests write (user types are positive). */
    static final int MESSAGE_TYPE = 7;
    /** Destination kernel of every record the tests write. */
    static final int DESTINATION_KERNEL = 1;
    /** Value of the records {@link #ringAfter} writes and reads to move a ring on. */
    static final int STALE = 9;
    /** What {@link #position} gives for {@link ManyToOneSlotRing#INSUFFICIENT_CAPACITY}. */
    static final int NO_ROOM = -1;

    private Rings() {
    }

    /**
     * @param capacity slots, a power of two
     * @return an empty ring over fresh zeroed memory, aligned as {@link RingDescriptor} requires
     */
    static ManyToOneSlotRing emptyRing(int capacity) {
        int bytes = (int) RingDescriptor.requiredBytes(capacity, SLOT_SIZE);
        ByteBuffer memory = ByteBuffer.allocateDirect(bytes + RingDescriptor.ALIGNMENT)
                .alignedSlice(RingDescriptor.ALIGNMENT);
        return new ManyToOneSlotRing(memory, capacity, SLOT_SIZE);
    }

    /**
     * A ring that has already carried records: for each payload length in turn, a {@link #STALE}
     * record is written and read back, so head = tail = the slots they took (padding included)
     * and those slots still hold the old records' bytes.
     *
     * @param capacity slots, a power of two
     * @param payloadLengths payload of each record written and read before the test starts
     * @return the ring, empty, its positions moved on
     */
    static ManyToOneSlotRing ringAfter(int capacity, int... payloadLengths) {
        ManyToOneSlotRing ring = emptyRing(capacity);
        RecordReader reader = new RecordReader();
        for (int payloadLength : payloadLengths) {
            if (write(ring, STALE, payloadLength) == ManyToOneSlotRing.INSUFFICIENT_CAPACITY
                    || reader.readOne(ring) != STALE) {
                throw new IllegalStateException("setting up the ring failed at position " + ring.tail());
            }
        }
        return ring;
    }

    /**
     * A ring of 4 slots that has done more than a lap, its head and tail at position 7: one slot
     * (index 3) before the end, so a two-slot record must pad. Slot 3 still holds a well-formed
     * old one-slot record ({@link #STALE}, commit word 4); slots 0-2 an old two-slot and one-slot record.
     *
     * @return the ring, empty
     */
    static ManyToOneSlotRing ringOneSlotBeforeTheEnd() {
        return ringAfter(4, ONE_SLOT, ONE_SLOT, ONE_SLOT, ONE_SLOT, TWO_SLOTS, ONE_SLOT);
    }

    /**
     * A ring of 4 slots full of unread records: value 1 at position 0 (slots 0-1) and value 2 at
     * position 2 (slots 2-3). The first long of each continuation slot is payload that looks like a
     * commit word far ahead of any position (0x0000000100000001 and 0x0000000200000002).
     *
     * @return the ring, head 0, tail 4
     */
    static ManyToOneSlotRing fullRing() {
        ManyToOneSlotRing ring = emptyRing(4);
        if (write(ring, 1, TWO_SLOTS) != 0 || write(ring, 2, TWO_SLOTS) != 2) {
            throw new IllegalStateException("setting up the full ring failed at position " + ring.tail());
        }
        return ring;
    }

    /**
     * Writes one record, once: as the runtime's sender does, without waiting for room.
     *
     * @param ring the ring
     * @param value the record's message id and payload ints (1 to 9)
     * @param payloadLength {@link #ONE_SLOT} or {@link #TWO_SLOTS}
     * @return the record's position, or {@link ManyToOneSlotRing#INSUFFICIENT_CAPACITY}
     */
    static long write(ManyToOneSlotRing ring, int value, int payloadLength) {
        ByteBuffer payload = ByteBuffer.allocate(payloadLength).order(ByteOrder.LITTLE_ENDIAN);
        fill(payload, value, payloadLength);
        return MessageWriter.tryWrite(ring, fields(value, payloadLength), payload.flip());
    }

    /**
     * Writes records as one run under one claim, once: as the runtime's sender writes a batch,
     * without waiting for room.
     *
     * @param ring the ring
     * @param firstValue the first record's value; the others have the following values (up to 9)
     * @param payloadLengths each record's payload, {@link #ONE_SLOT} or {@link #TWO_SLOTS}, in order
     * @return the run's first position, or {@link ManyToOneSlotRing#INSUFFICIENT_CAPACITY}
     */
    static long writeRun(ManyToOneSlotRing ring, int firstValue, int... payloadLengths) {
        List<HeaderFields> fields = new ArrayList<>();
        ByteBuffer payloads = ByteBuffer.allocate(payloadLengths.length * TWO_SLOTS).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < payloadLengths.length; i++) {
            fields.add(fields(firstValue + i, payloadLengths[i]));
            fill(payloads, firstValue + i, payloadLengths[i]);
        }
        return MessageWriter.tryWriteRun(ring, fields, payloads.flip());
    }

    private static HeaderFields fields(int value, int payloadLength) {
        return new HeaderFields(value, 0, 0, 0, 0, DESTINATION_KERNEL, MESSAGE_TYPE, payloadLength, (short) 0, (byte) 0);
    }

    /** Puts a record's payload, {@code value} in every int, at the buffer's position. */
    private static void fill(ByteBuffer payload, int value, int payloadLength) {
        for (int i = 0; i < payloadLength; i += Integer.BYTES) {
            payload.putInt(value);
        }
    }

    /**
     * @param claimed a position from {@link #write}
     * @return it as an int for a result field, {@link #NO_ROOM} for no room
     */
    static int position(long claimed) {
        return claimed == ManyToOneSlotRing.INSUFFICIENT_CAPACITY ? NO_ROOM : Math.toIntExact(claimed);
    }
}
