package io.ringkernel.integration;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.KernelDefinition;
import java.util.List;
import java.util.Set;

/**
 * Another backend's service narrowed to one of its devices, offered as that backend's only
 * device: the runtime service opens device 0 of every backend, so a test registers this (with a
 * higher {@code service.ranking}) to run kernels on another device through the runtime.
 */
final class OneDeviceBackend implements Backend {
    private final Backend backend;
    private final int device;

    /**
     * @param backend the backend
     * @param device the index of the device, within that backend, to offer
     */
    OneDeviceBackend(Backend backend, int device) {
        this.backend = backend;
        this.device = device;
    }

    @Override
    public BackendType type() {
        return backend.type();
    }

    @Override
    public int priority() {
        return backend.priority();
    }

    @Override
    public Availability availability() {
        return backend.availability();
    }

    @Override
    public List<DeviceInfo> devices() {
        return List.of(backend.devices().get(device));
    }

    @Override
    public Set<LaunchMode> modes() {
        return backend.modes();
    }

    @Override
    public LaunchMode defaultMode() {
        return backend.defaultMode();
    }

    @Override
    public String cannotRun(KernelDefinition definition) {
        return backend.cannotRun(definition);
    }

    /** @param deviceIndex 0, the one device offered */
    @Override
    public BackendContext open(int deviceIndex, RuntimeConfig config) {
        if (deviceIndex != 0) {
            throw new IllegalArgumentException("one device is offered, asked for index " + deviceIndex);
        }
        return backend.open(device, config);
    }
}
