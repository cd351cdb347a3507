package io.ringkernel.backend.aparapi;

import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.KernelLaunchException;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.BackendKernel;
import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.DeviceBuffer;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.host.HostBuffer;

/**
 * Aparapi on one device. The kernels' rings, control blocks and telemetry live in host memory;
 * each kernel moves its messages through its handler's columns, which Aparapi copies to an
 * OpenCL device for each run.
 */
final class AparapiContext implements BackendContext {
    private final AparapiDevice device;
    private final RuntimeConfig config;

    /**
     * @param device the device
     * @param config the runtime's settings
     */
    AparapiContext(AparapiDevice device, RuntimeConfig config) {
        this.device = device;
        this.config = config;
    }

    @Override
    public DeviceInfo device() {
        return device.info();
    }

    @Override
    public DeviceBuffer allocate(long bytes, int alignment) {
        return new HostBuffer(bytes, alignment);
    }

    /**
     * @throws KernelLaunchException if the handler class cannot be loaded, is not a translatable
     *         {@link io.ringkernel.aparapi.MessageBatchKernel}, or a column does not fit the
     *         kernel's message types; the message says which and why
     */
    @Override
    public CompiledKernel compile(KernelProgram program) {
        String id = program.definition().id();
        try {
            HandlerClass handler = HandlerClass.of(program.definition());
            return new AparapiCompiledKernel(program, handler, ColumnPlan.of(handler.type(), program.definition()));
        } catch (IllegalArgumentException e) {
            throw new KernelLaunchException(id, "the Aparapi handler of kernel definition '" + id + "' cannot run: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public BackendKernel launch(CompiledKernel kernel, KernelResources resources) {
        return new AparapiKernel(device, (AparapiCompiledKernel) kernel, resources, config.telemetryEnabled());
    }

    /** Nothing to release: each kernel disposes of its handler when it terminates. */
    @Override
    public void close() {
        // Aparapi keeps its OpenCL resources per handler instance.
    }
}
