package io.ringkernel.spi;

import io.ringkernel.api.DeviceInfo;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A backend opened on one device: allocates memory the device can reach, compiles kernel
 * programs and launches them.
 */
@ConsumerType
public interface BackendContext extends AutoCloseable {

    /** @return the device this context runs on */
    DeviceInfo device();

    /**
     * Allocates zeroed memory that both the host and the device can access (host-mapped memory on
     * GPUs, plain direct memory on the CPU).
     *
     * @param bytes size in bytes
     * @param alignment alignment in bytes (power of two)
     * @return the buffer
     */
    DeviceBuffer allocate(long bytes, int alignment);

    /**
     * Compiles a kernel's handler for this device.
     *
     * @param program the kernel definition and the codecs of its message types
     * @return the compiled form, reusable for many launches
     * @throws io.ringkernel.api.KernelLaunchException if it does not compile; the message carries the build log
     */
    CompiledKernel compile(KernelProgram program);

    /**
     * Launches a compiled kernel over its resources. The kernel stays inactive until
     * {@link BackendKernel#activate()}.
     *
     * @param kernel the compiled kernel
     * @param resources its control block, telemetry and queues, and the runtime's callbacks
     * @return the running kernel
     */
    BackendKernel launch(CompiledKernel kernel, KernelResources resources);

    /** Releases the context and everything it allocated. */
    @Override
    void close();
}
