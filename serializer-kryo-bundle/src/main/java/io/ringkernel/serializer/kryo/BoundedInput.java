package io.ringkernel.serializer.kryo;

import com.esotericsoftware.kryo.io.Input;

/**
 * A Kryo input over one whole payload that refuses a string or array length larger than the
 * bytes left before allocating room for it, so a garbage length cannot ask for gigabytes. Every
 * element takes at least one byte on the wire, fixed-size ones their full size.
 */
final class BoundedInput extends Input {

    /**
     * @param input the input the count was read from
     * @param count a length read from the payload
     * @param bytesPerElement the fewest bytes one element takes on the wire
     * @param what what the length counts, for the message
     * @throws PayloadRejectedException if the count is negative or more than the bytes left can hold
     */
    static void requireAvailable(Input input, long count, int bytesPerElement, String what) {
        int left = input.limit() - input.position();
        if (count < 0 || count * bytesPerElement > left) {
            throw new PayloadRejectedException(what + " of " + count + " elements does not fit in the " + left
                    + " bytes left in the payload");
        }
    }

    @Override
    public byte[] readBytes(int length) {
        requireAvailable(this, length, Byte.BYTES, "a byte array");
        return super.readBytes(length);
    }

    @Override
    public short[] readShorts(int length) {
        requireAvailable(this, length, Short.BYTES, "a short array");
        return super.readShorts(length);
    }

    @Override
    public char[] readChars(int length) {
        requireAvailable(this, length, Character.BYTES, "a char array");
        return super.readChars(length);
    }

    @Override
    public int[] readInts(int length) {
        requireAvailable(this, length, Integer.BYTES, "an int array");
        return super.readInts(length);
    }

    @Override
    public int[] readInts(int length, boolean optimizePositive) {
        requireAvailable(this, length, 1, "an int array");
        return super.readInts(length, optimizePositive);
    }

    @Override
    public long[] readLongs(int length) {
        requireAvailable(this, length, Long.BYTES, "a long array");
        return super.readLongs(length);
    }

    @Override
    public long[] readLongs(int length, boolean optimizePositive) {
        requireAvailable(this, length, 1, "a long array");
        return super.readLongs(length, optimizePositive);
    }

    @Override
    public float[] readFloats(int length) {
        requireAvailable(this, length, Float.BYTES, "a float array");
        return super.readFloats(length);
    }

    @Override
    public double[] readDoubles(int length) {
        requireAvailable(this, length, Double.BYTES, "a double array");
        return super.readDoubles(length);
    }

    @Override
    public boolean[] readBooleans(int length) {
        requireAvailable(this, length, 1, "a boolean array");
        return super.readBooleans(length);
    }

    @Override
    public String readString() {
        requireStringFits();
        return super.readString();
    }

    @Override
    public StringBuilder readStringBuilder() {
        requireStringFits();
        return super.readStringBuilder();
    }

    /**
     * Kryo writes a string either as ASCII bytes ended by a high bit (read byte by byte, so bounded
     * by the payload) or, flagged by the first byte's high bit, as a varint of the character count
     * plus one (0 for null) followed by UTF-8. Peeks at that count without consuming it.
     */
    private void requireStringFits() {
        if (position < limit && readVarIntFlag()) {
            int start = position;
            int countPlusOne = readVarIntFlag(true);
            position = start;
            if (countPlusOne < 0 || countPlusOne > 1) {
                requireAvailable(this, countPlusOne - 1L, 1, "a string");
            }
        }
    }
}
