package io.ringkernel.runtime.internal;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.runtime.internal.cpu.CpuBackend;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.BackendKernel;
import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.DeviceBuffer;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.KernelResources;
import java.util.List;
import java.util.Set;

/** Runs kernels on the CPU backend but lets the test raise a device fault through the kernel's signals. */
final class FaultingBackend implements Backend {
    private final CpuBackend cpu = new CpuBackend();
    private volatile KernelResources resources;

    /** @return the resources of the kernel launched last, whose signals raise its fault */
    KernelResources resources() {
        return resources;
    }

    @Override
    public BackendType type() {
        return BackendType.OPENCL;
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public Availability availability() {
        return Availability.AVAILABLE;
    }

    @Override
    public List<DeviceInfo> devices() {
        return cpu.devices();
    }

    @Override
    public Set<LaunchMode> modes() {
        return cpu.modes();
    }

    @Override
    public LaunchMode defaultMode() {
        return cpu.defaultMode();
    }

    @Override
    public BackendContext open(int deviceIndex, RuntimeConfig config) {
        BackendContext context = cpu.open(deviceIndex, config);
        return new BackendContext() {
            @Override
            public DeviceInfo device() {
                return context.device();
            }

            @Override
            public DeviceBuffer allocate(long bytes, int alignment) {
                return context.allocate(bytes, alignment);
            }

            @Override
            public CompiledKernel compile(KernelProgram program) {
                return context.compile(program);
            }

            @Override
            public BackendKernel launch(CompiledKernel kernel, KernelResources launched) {
                resources = launched;
                return context.launch(kernel, launched);
            }

            @Override
            public void close() {
                context.close();
            }
        };
    }
}
