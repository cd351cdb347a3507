package io.ringkernel.runtime.internal.cpu;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.BackendContext;
import java.util.List;
import java.util.Set;

/**
 * The pure-Java backend, always available: kernels' Java handlers run as persistent actors on a
 * worker pool. Lowest priority, so any GPU backend present wins {@link BackendType#AUTO}.
 */
public final class CpuBackend implements Backend {
    /** Priority of the CPU backend: below every device backend. */
    public static final int PRIORITY = 0;

    @Override
    public BackendType type() {
        return BackendType.CPU;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability availability() {
        return Availability.AVAILABLE;
    }

    @Override
    public List<DeviceInfo> devices() {
        Runtime jvm = Runtime.getRuntime();
        return List.of(new DeviceInfo(0, "Java worker pool", System.getProperty("java.vm.vendor", "unknown"),
                "Java " + Runtime.version(), jvm.availableProcessors(), 0));
    }

    @Override
    public Set<LaunchMode> modes() {
        return Set.of(LaunchMode.PERSISTENT);
    }

    @Override
    public LaunchMode defaultMode() {
        return LaunchMode.PERSISTENT;
    }

    @Override
    public BackendContext open(int deviceIndex, RuntimeConfig config) {
        if (deviceIndex != 0) {
            throw new IllegalArgumentException("the CPU backend has one device (index 0), asked for " + deviceIndex);
        }
        return new CpuBackendContext(devices().get(0), config);
    }
}
