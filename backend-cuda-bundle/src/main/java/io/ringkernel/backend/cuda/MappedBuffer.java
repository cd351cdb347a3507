package io.ringkernel.backend.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuMemHostGetDevicePointer;
import static jcuda.driver.JCudaDriver.cuMemHostRegister;
import static jcuda.driver.JCudaDriver.cuMemHostUnregister;

import io.ringkernel.spi.DeviceBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.JCudaDriver;

/**
 * Host memory the GPU reads and writes over the bus: a page-aligned direct buffer, zeroed, pinned
 * and mapped into the device's address space with {@code cuMemHostRegister(DEVICEMAP)}. The
 * memory belongs to the JVM, not to the CUDA context, so it stays readable when a device fault
 * forces the context to be rebuilt: the runtime can still drain and fail what the rings hold.
 */
final class MappedBuffer implements DeviceBuffer {
    private static final int PAGE = 4096;

    private final ByteBuffer memory;
    private final Pointer host;
    private final long deviceAddress;
    private final CUcontext context;
    private final Consumer<Runnable> retire;
    private boolean closed;

    private MappedBuffer(CUcontext context, Consumer<Runnable> retire, ByteBuffer memory, Pointer host,
                         long deviceAddress) {
        this.context = context;
        this.retire = retire;
        this.memory = memory;
        this.host = host;
        this.deviceAddress = deviceAddress;
    }

    /**
     * Allocates and maps a buffer.
     *
     * @param context the context to map it in, current on the calling thread
     * @param retire defers the unpinning to when the context can do it without waiting on a
     *        persistent kernel
     * @param bytes size in bytes
     * @param alignment alignment, at most a page
     * @return the mapped buffer
     */
    static MappedBuffer allocate(CUcontext context, Consumer<Runnable> retire, long bytes, int alignment) {
        if (alignment > PAGE || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("mapped memory is page-aligned; alignment " + alignment + " is not a power of two up to " + PAGE);
        }
        long pages = (bytes + PAGE - 1) / PAGE;
        if (bytes <= 0 || pages * PAGE > Integer.MAX_VALUE - PAGE) {
            throw new IllegalArgumentException("cannot map " + bytes + " bytes: the size must be positive and under 2 GiB");
        }
        int size = (int) (pages * PAGE);
        ByteBuffer memory = ByteBuffer.allocateDirect(size + PAGE).alignedSlice(PAGE).limit(size).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        Pointer host = Pointer.to(memory);
        CudaException.check(cuMemHostRegister(host, size, JCudaDriver.CU_MEMHOSTREGISTER_DEVICEMAP
                | JCudaDriver.CU_MEMHOSTREGISTER_PORTABLE), "cuMemHostRegister(" + size + " bytes)");
        DevicePointer device = new DevicePointer();
        CudaException.check(cuMemHostGetDevicePointer(device, host, 0), "cuMemHostGetDevicePointer");
        return new MappedBuffer(context, retire, memory, host, device.address());
    }

    @Override
    public ByteBuffer hostView() {
        return memory.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public long deviceAddress() {
        return deviceAddress;
    }

    /**
     * Unpins the memory, once no persistent kernel runs in the context. After a device fault its context is gone and the registration with it;
     * the call then fails harmlessly, and the memory itself is the JVM's to reclaim.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            retire.accept(() -> {
                cuCtxSetCurrent(context);
                cuMemHostUnregister(host);
            });
        }
    }
}
