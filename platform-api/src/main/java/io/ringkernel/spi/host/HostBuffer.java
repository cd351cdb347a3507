package io.ringkernel.spi.host;

import io.ringkernel.spi.DeviceBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Aligned direct memory in the JVM: the CPU backend's "device" memory, and the host side of
 * backends that copy messages to their device in batches. Freed by the garbage collector.
 */
public final class HostBuffer implements DeviceBuffer {
    private final ByteBuffer memory;

    /**
     * @param bytes size in bytes
     * @param alignment alignment in bytes (power of two)
     * @throws IllegalArgumentException if the size is not between 1 byte and 2 GiB
     */
    public HostBuffer(long bytes, int alignment) {
        if (bytes <= 0 || bytes > Integer.MAX_VALUE - alignment) {
            throw new IllegalArgumentException("host buffers hold 1 byte to 2 GiB, asked for " + bytes);
        }
        this.memory = ByteBuffer.allocateDirect((int) bytes + alignment).alignedSlice(alignment)
                .limit((int) bytes).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public ByteBuffer hostView() {
        return memory.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public long deviceAddress() {
        return 0;
    }

    @Override
    public void close() {
        // Direct memory is returned when the buffer becomes unreachable.
    }
}
