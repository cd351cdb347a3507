package io.ringkernel.runtime.internal;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.BackendType;
import io.ringkernel.api.BackendUnavailableException;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.runtime.internal.cpu.CpuBackend;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.BackendContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The installed backends, with their availability probed once, and the contexts opened on them.
 * The CPU backend is always installed.
 */
final class BackendRegistry implements AutoCloseable {
    private final List<Backend> backends = new ArrayList<>();
    private final Map<Backend, Backend.Availability> availability = new ConcurrentHashMap<>();
    private final Map<Backend, BackendContext> contexts = new ConcurrentHashMap<>();
    private final int device;
    private final RuntimeConfig config;

    BackendRegistry(List<Backend> installed, int device, RuntimeConfig config) {
        this.device = device;
        this.config = config;
        backends.addAll(installed);
        if (backends.stream().noneMatch(backend -> backend.type() == BackendType.CPU)) {
            backends.add(new CpuBackend());
        }
        backends.sort(Comparator.comparingInt(Backend::priority).reversed());
    }

    /**
     * @param requested a backend type, or AUTO
     * @return the highest-priority available backend of that type
     * @throws BackendUnavailableException with the reason when none can run
     */
    Backend select(BackendType requested) {
        List<String> reasons = new ArrayList<>();
        for (Backend backend : backends) {
            if (requested != BackendType.AUTO && backend.type() != requested) {
                continue;
            }
            Backend.Availability probe = availabilityOf(backend);
            if (probe.available()) {
                return backend;
            }
            reasons.add(backend.type() + ": " + probe.reason());
        }
        throw new BackendUnavailableException(requested, reasons.isEmpty() ? "no such backend is installed"
                : String.join("; ", reasons));
    }

    /** @param backend an installed backend @return its context on the runtime's device, opened on first use */
    BackendContext context(Backend backend) {
        return contexts.computeIfAbsent(backend, this::open);
    }

    private BackendContext open(Backend backend) {
        int index = backend.devices().size() > device ? device : 0;
        return backend.open(index, config);
    }

    /** @return what is known of every installed backend */
    List<BackendInfo> infos() {
        return backends.stream().map(backend -> {
            Backend.Availability probe = availabilityOf(backend);
            return new BackendInfo(backend.type(), backend.getClass().getSimpleName(), backend.priority(),
                    probe.available(), probe.reason(), backend.modes(),
                    probe.available() ? backend.devices() : List.of());
        }).toList();
    }

    private Backend.Availability availabilityOf(Backend backend) {
        return availability.computeIfAbsent(backend, Backend::availability);
    }

    @Override
    public void close() {
        contexts.values().forEach(BackendContext::close);
        contexts.clear();
    }
}
