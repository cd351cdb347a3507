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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The CPU "device": direct memory and one worker pool shared by every kernel of the context. */
final class CpuBackendContext implements BackendContext {
    private final DeviceInfo device;
    private final ExecutorService workers;
    private final boolean timed;

    CpuBackendContext(DeviceInfo device, RuntimeConfig config) {
        this.device = device;
        this.workers = Executors.newFixedThreadPool(config.cpuWorkerThreads(), new WorkerThreads());
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
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }

    /** Names the pool's daemon threads so thread dumps show which pool they belong to. */
    private static final class WorkerThreads implements ThreadFactory {
        private static final AtomicInteger POOLS = new AtomicInteger();
        private final int pool = POOLS.incrementAndGet();
        private final AtomicInteger threads = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "ringkernel-cpu-" + pool + "-worker-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
