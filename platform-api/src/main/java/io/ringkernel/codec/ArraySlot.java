package io.ringkernel.codec;

import java.nio.ByteBuffer;

/**
 * Where an array component's slot lies and how to check what a payload says in it: the data
 * must lie after the fixed part, start on an 8-byte boundary and end inside the payload.
 *
 * @param recordType the record type, for error messages
 * @param name the component's name, for error messages
 * @param slotOffset offset of the slot in the fixed part
 * @param elementSize bytes per element
 * @param fixedLength length of the fixed part
 */
record ArraySlot(Class<?> recordType, String name, int slotOffset, int elementSize, int fixedLength) {

    /**
     * @param payload the payload, from index 0 to its limit
     * @param start the data offset, as checked by {@link #start}
     * @return the element count, checked to be non-negative with all elements inside the payload
     */
    int count(ByteBuffer payload, int start) {
        int count = LittleEndian.getInt(payload, slotOffset + FieldType.ARRAY_COUNT_OFFSET);
        if (count < 0) {
            throw CodecFailures.malformed(recordType, "array '" + name + "' has a negative element count " + count);
        }
        long end = start + (long) count * elementSize;
        if (end > payload.limit()) {
            throw CodecFailures.malformed(recordType, "array '" + name + "' of " + count + " elements at offset " + start
                    + " ends at byte " + end + ", outside the " + payload.limit() + "-byte payload");
        }
        return count;
    }

    /**
     * @param payload the payload, from index 0 to its limit
     * @return the offset of the data, checked to lie after the fixed part, aligned, inside the payload
     */
    int start(ByteBuffer payload) {
        int start = LittleEndian.getInt(payload, slotOffset);
        if (start < fixedLength || start > payload.limit()) {
            throw CodecFailures.malformed(recordType, "array '" + name + "' data offset " + start
                    + " lies outside the array data area [" + fixedLength + ", " + payload.limit() + "]");
        }
        if (start % FieldType.DATA_ALIGNMENT != 0) {
            throw CodecFailures.malformed(recordType, "array '" + name + "' data offset " + start
                    + " is not a multiple of " + FieldType.DATA_ALIGNMENT);
        }
        return start;
    }
}
