package io.ringkernel.jcstress;

import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.MessageHeaderDescriptor;
import io.ringkernel.protocol.RecordHandler;
import java.nio.ByteBuffer;

/**
 * The consumer side as the runtime's kernels and output dispatcher do it: {@code read(handler, 1)},
 * a {@link MessageHeader} flyweight over the record, {@link MessageHeader#problem} to check
 * version, length and checksum, then the payload. It reduces each record to the value
 * {@link Rings#write} put in it, or {@link #MALFORMED}. One reader per consuming thread.
 */
final class RecordReader implements RecordHandler {
    /** {@link #readOne} found no committed record; {@link #readAll} read none. */
    static final int NOTHING = 0;
    /**
     * A record whose header, checksum or payload is not the one a single {@link Rings#write}
     * wrote: torn, stale or overwritten.
     */
    static final int MALFORMED = -1;

    private final MessageHeader header = new MessageHeader();
    private int value;

    /**
     * @param ring the ring, read by this thread only
     * @return the value of the next committed record, {@link #NOTHING} if none is committed, or {@link #MALFORMED}
     */
    int readOne(ManyToOneSlotRing ring) {
        value = NOTHING;
        ring.read(this, 1);
        return value;
    }

    /**
     * Reads every committed record, one at a time.
     *
     * @param ring the ring, read by this thread only
     * @return the values read as decimal digits in reading order (1 then 2 gives 12),
     *         {@link #NOTHING} if none, {@link #MALFORMED} if any record was malformed
     */
    int readAll(ManyToOneSlotRing ring) {
        int digits = NOTHING;
        boolean malformed = false;
        for (int record = readOne(ring); record != NOTHING; record = readOne(ring)) {
            malformed |= record == MALFORMED;
            digits = digits * 10 + record;
        }
        return malformed ? MALFORMED : digits;
    }

    @Override
    public void onRecord(ByteBuffer buffer, int offset, int recordLength) {
        header.wrap(buffer, offset);
        value = header.problem(recordLength) == null && header.hasFlag(MessageHeaderDescriptor.FLAG_CHECKSUM)
                && header.messageType() == Rings.MESSAGE_TYPE && header.destinationKernel() == Rings.DESTINATION_KERNEL
                ? payloadValue(buffer) : MALFORMED;
    }

    private int payloadValue(ByteBuffer buffer) {
        long id = header.messageId();
        if (id < 1 || id > 9) {
            return MALFORMED;
        }
        for (int i = 0; i < header.payloadLength(); i += Integer.BYTES) {
            if (buffer.getInt(header.payloadOffset() + i) != id) {
                return MALFORMED;
            }
        }
        return (int) id;
    }
}
