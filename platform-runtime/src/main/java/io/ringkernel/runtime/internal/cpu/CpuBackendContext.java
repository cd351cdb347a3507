package io.ringkernel.runtime.internal.cpu;

import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.BackendKernel;
import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.DeviceBuffer;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.host.HostBuffer;

/** The CPU "device": direct memory and one watched worker pool shared by every kernel of the context. */
final class CpuBackendContext implements BackendContext {
    private final DeviceInfo device;
    private final WorkerPool workers;
    private final boolean timed;

    CpuBackendContext(DeviceInfo device, RuntimeConfig config) {
        this.device = device;
        this.workers = new WorkerPool(config.cpuWorkerThreads(), config.terminationTimeout());
        this.timed = config.telemetryEnabled();
    }

    @Override
    public DeviceInfo device() {
        return device;
    }

    @Override
    public DeviceBuffer allocate(long bytes, int alignment) {
        return new HostBuffer(bytes, alignment);
    }

    @Override
    public CompiledKernel compile(KernelProgram program) {
        return new CpuCompiledKernel(program);
    }

    @Override
    public BackendKernel launch(CompiledKernel kernel, KernelResources resources) {
        return new CpuKernel((CpuCompiledKernel) kernel, resources, workers, timed);
    }

    @Override
    public void close() {
        workers.shutdown();
    }
}
