package io.ringkernel.runtime.internal.cpu;

import io.ringkernel.spi.DeviceBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Direct memory: what the CPU backend's "device" reads and writes. Freed by the garbage collector. */
final class CpuDeviceBuffer implements DeviceBuffer {
    private final ByteBuffer memory;

    CpuDeviceBuffer(long bytes, int alignment) {
        if (bytes <= 0 || bytes > Integer.MAX_VALUE - alignment) {
            throw new IllegalArgumentException("CPU buffers hold 1 byte to 2 GiB, asked for " + bytes);
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
