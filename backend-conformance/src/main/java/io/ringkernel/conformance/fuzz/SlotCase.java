package io.ringkernel.conformance.fuzz;

import io.ringkernel.protocol.MessageHeader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The whole of one record as the fuzz suite commits it to a kernel's input ring: header (its
 * commit word left zero, for the ring to set) and payload area, a whole number of slots long, so
 * that the kernel sees exactly these bytes and no stale ones.
 *
 * @param bytes the record, from its commit word to the end of its last slot
 */
public record SlotCase(byte[] bytes) {

    /** @return the record's length as the ring reports it, whole slots */
    public int recordLength() {
        return bytes.length;
    }

    /** @return what {@code SpiHarness.writeGarbage} takes: everything after the commit word */
    public byte[] afterCommitWord() {
        return Arrays.copyOfRange(bytes, 8, bytes.length);
    }

    /** @return the header flyweight over a little-endian copy of the record */
    public MessageHeader header() {
        return new MessageHeader().wrap(ByteBuffer.wrap(bytes.clone()).order(ByteOrder.LITTLE_ENDIAN), 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SlotCase slotCase && Arrays.equals(bytes, slotCase.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SlotCase[" + bytes.length + " bytes: " + HexFormat.of().formatHex(bytes) + "]";
    }
}
