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
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Runs kernels on the CPU backend, under a type, priority and number of devices of the test's
 * choosing (a context opened on device {@code i} says it runs on device {@code i}), and lets the
 * test watch it: the resources of the kernel launched last (whose signals raise a fault), how
 * many programs its contexts were asked to compile after they were closed, and how often callers
 * offered to assist its kernels.
 */
final class ObservedCpuBackend implements Backend {
    private final CpuBackend cpu = new CpuBackend();
    private final BackendType type;
    private final int priority;
    private final List<DeviceInfo> devices;
    private final AtomicInteger compiledAfterClose = new AtomicInteger();
    private final AtomicInteger assists = new AtomicInteger();
    private volatile boolean assistable;
    private volatile KernelResources resources;

    /**
     * @param type the backend type it poses as
     * @param priority its priority
     */
    ObservedCpuBackend(BackendType type, int priority) {
        this(type, priority, 1);
    }

    /**
     * @param type the backend type it poses as
     * @param priority its priority
     * @param deviceCount how many devices it lists: the CPU's, then copies named "device 1", "device 2", …
     */
    ObservedCpuBackend(BackendType type, int priority, int deviceCount) {
        this.type = type;
        this.priority = priority;
        DeviceInfo cpuDevice = cpu.devices().get(0);
        this.devices = IntStream.range(0, deviceCount).mapToObj(index -> index == 0 ? cpuDevice
                : new DeviceInfo(index, "device " + index, cpuDevice.vendor(), cpuDevice.version(),
                        cpuDevice.computeUnits(), cpuDevice.memoryBytes())).toList();
    }

    /** @return the resources of the kernel launched last */
    KernelResources resources() {
        return resources;
    }

    /**
     * Has its kernels say they are {@link BackendKernel#assistable() assistable}, as a device
     * kernel whose callers collect their own replies does (the CPU kernel's own thread still does
     * the work, once woken).
     *
     * @return this backend
     */
    ObservedCpuBackend assistable() {
        assistable = true;
        return this;
    }

    /** @return how often a thread waiting for a reply offered to assist one of its kernels */
    int assists() {
        return assists.get();
    }

    /** @return programs its contexts were asked to compile after they were closed */
    int compiledAfterClose() {
        return compiledAfterClose.get();
    }

    @Override
    public BackendType type() {
        return type;
    }

    @Override
    public int priority() {
        return priority;
    }

    @Override
    public Availability availability() {
        return Availability.AVAILABLE;
    }

    @Override
    public List<DeviceInfo> devices() {
        return devices;
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
        BackendContext context = cpu.open(0, config);
        AtomicBoolean closed = new AtomicBoolean();
        return new BackendContext() {
            @Override
            public DeviceInfo device() {
                return devices.get(deviceIndex);
            }

            @Override
            public DeviceBuffer allocate(long bytes, int alignment) {
                return context.allocate(bytes, alignment);
            }

            @Override
            public CompiledKernel compile(KernelProgram program) {
                if (closed.get()) {
                    compiledAfterClose.incrementAndGet();
                }
                return context.compile(program);
            }

            @Override
            public BackendKernel launch(CompiledKernel kernel, KernelResources launched) {
                resources = launched;
                return new AssistCountingKernel(context.launch(kernel, launched));
            }

            @Override
            public void close() {
                closed.set(true);
                context.close();
            }
        };
    }

    /** A CPU kernel that counts the assists offered to it, and says it is assistable if told; its own thread does all its work. */
    private final class AssistCountingKernel implements BackendKernel {
        private final BackendKernel kernel;

        AssistCountingKernel(BackendKernel kernel) {
            this.kernel = kernel;
        }

        @Override
        public LaunchMode mode() {
            return kernel.mode();
        }

        @Override
        public void activate() {
            kernel.activate();
        }

        @Override
        public void deactivate() {
            kernel.deactivate();
        }

        @Override
        public void swap(CompiledKernel compiled) {
            kernel.swap(compiled);
        }

        @Override
        public void wake() {
            kernel.wake();
        }

        @Override
        public boolean assist() {
            assists.incrementAndGet();
            return kernel.assist();
        }

        @Override
        public boolean assistable() {
            return assistable;
        }

        @Override
        public boolean terminate(Duration timeout) {
            return kernel.terminate(timeout);
        }
    }
}
