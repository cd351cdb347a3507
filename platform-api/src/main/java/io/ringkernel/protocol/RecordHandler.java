package io.ringkernel.protocol;

import java.nio.ByteBuffer;

/** Receives the records a {@link ManyToOneSlotRing} consumer reads, one at a time. */
@FunctionalInterface
public interface RecordHandler {

    /**
     * @param buffer the ring's buffer (little-endian); read with absolute accessors only
     * @param offset where the record's header starts
     * @param recordLength bytes the record spans (its slots), header included
     */
    void onRecord(ByteBuffer buffer, int offset, int recordLength);
}
