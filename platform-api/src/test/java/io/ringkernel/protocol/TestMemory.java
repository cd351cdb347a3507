package io.ringkernel.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Direct, 128-byte aligned, zeroed memory for the protocol tests, as a device mapping would give. */
public final class TestMemory {
    private static final int ALIGNMENT = 128;

    private TestMemory() {
    }

    /**
     * @param bytes capacity of the result
     * @return a zeroed direct buffer of exactly {@code bytes}, starting on a 128-byte address, little-endian
     */
    public static ByteBuffer aligned(int bytes) {
        ByteBuffer raw = ByteBuffer.allocateDirect(bytes + 2 * ALIGNMENT);
        return raw.alignedSlice(ALIGNMENT).slice(0, bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @param capacity slots
     * @param slotSize bytes per slot
     * @return a fresh ring over zeroed memory of exactly the required size
     */
    public static ManyToOneSlotRing ring(int capacity, int slotSize) {
        return new ManyToOneSlotRing(aligned((int) RingDescriptor.requiredBytes(capacity, slotSize)), capacity, slotSize);
    }
}
