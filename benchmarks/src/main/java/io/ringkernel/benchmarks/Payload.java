package io.ringkernel.benchmarks;

/**
 * A message of opaque bytes, in the fixed layout: an 8-byte fixed part (the array's offset and
 * count) followed by the bytes.
 *
 * @param data the bytes
 */
public record Payload(byte[] data) {
    /** Bytes of the fixed part that precede the array. */
    static final int FIXED_BYTES = 8;

    /**
     * @param payloadBytes the encoded payload's size, at least {@link #FIXED_BYTES}
     * @return a payload of that encoded size with a recognisable byte pattern
     */
    static Payload ofSize(int payloadBytes) {
        byte[] bytes = new byte[payloadBytes - FIXED_BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return new Payload(bytes);
    }
}
