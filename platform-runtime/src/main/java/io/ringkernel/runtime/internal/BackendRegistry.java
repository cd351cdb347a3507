package io.ringkernel.runtime.internal;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.BackendType;
import io.ringkernel.api.BackendUnavailableException;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.runtime.internal.cpu.CpuBackend;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.KernelDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The installed backends and the contexts opened on them. Each backend keeps its own probe result
 * (see {@link Backend#availability()}), so a backend whose device faulted can turn unavailable;
 * a backend whose chosen device it does not have (see {@link DeviceChoice}) is unavailable too.
 * The CPU backend is always installed; others come and go. Among backends of one type the one
 * with the highest priority serves, then the highest service ranking, then the newest.
 */
final class BackendRegistry implements AutoCloseable {
    private static final Comparator<Installed> PREFERENCE = Comparator
            .comparingInt((Installed installed) -> installed.backend().priority())
            .thenComparingInt(Installed::ranking)
            .thenComparingLong(Installed::order).reversed();

    private volatile List<Installed> backends = List.of();
    private final Map<Backend, BackendContext> contexts = new ConcurrentHashMap<>();
    private final DeviceChoice devices;
    private final RuntimeConfig config;
    private long installations;

    BackendRegistry(List<Backend> installed, DeviceChoice devices, RuntimeConfig config) {
        this.devices = devices;
        this.config = config;
        installed.forEach(backend -> add(backend, 0));
        if (installed.stream().noneMatch(backend -> backend.type() == BackendType.CPU)) {
            add(new CpuBackend(), 0);
        }
    }

    /**
     * @param backend a backend to install
     * @param ranking its service ranking, which breaks ties between backends of equal priority
     */
    synchronized void add(Backend backend, int ranking) {
        List<Installed> next = new ArrayList<>(backends);
        next.add(new Installed(backend, ranking, installations++));
        next.sort(PREFERENCE);
        backends = List.copyOf(next);
    }

    /**
     * Uninstalls a backend. The caller ends the kernels running in its context, then closes it.
     *
     * @param backend an installed backend
     * @return the context opened on it, or null if none was opened
     */
    synchronized BackendContext remove(Backend backend) {
        backends = backends.stream().filter(installed -> installed.backend() != backend).toList();
        return contexts.remove(backend);
    }

    /**
     * @param requested a backend type, or AUTO
     * @return the preferred available backend of that type
     * @throws BackendUnavailableException with the reason when none can run
     */
    Backend select(BackendType requested) {
        return select(requested, null);
    }

    /**
     * @param requested a backend type, or AUTO
     * @param definition the definition to run, or null for any
     * @return the preferred available backend of that type that can run the definition
     * @throws BackendUnavailableException with the reasons when none can
     */
    Backend select(BackendType requested, KernelDefinition definition) {
        List<String> reasons = new ArrayList<>();
        for (Installed installed : backends) {
            Backend backend = installed.backend();
            if (requested != BackendType.AUTO && backend.type() != requested) {
                continue;
            }
            Backend.Availability probe = availability(backend);
            String unfit = !probe.available() ? probe.reason() : definition == null ? "" : backend.cannotRun(definition);
            if (unfit.isEmpty()) {
                return backend;
            }
            reasons.add(backend.type() + ": " + unfit);
        }
        throw new BackendUnavailableException(requested, reasons.isEmpty() ? "no such backend is installed"
                : String.join("; ", reasons));
    }

    /**
     * @param backend a backend
     * @return whether it can run here: its own probe, then whether it has the device chosen for it
     */
    Backend.Availability availability(Backend backend) {
        Backend.Availability probe = backend.availability();
        if (!probe.available()) {
            return probe;
        }
        String problem = devices.problem(backend.type(), backend.devices());
        return problem.isEmpty() ? probe : Backend.Availability.unavailable(problem);
    }

    /**
     * @param backend an available backend
     * @return the device it runs kernels on
     */
    DeviceInfo device(Backend backend) {
        List<DeviceInfo> present = backend.devices();
        return present.get(devices.index(backend.type(), present.size()));
    }

    /** @param backend an installed backend @return its context on its chosen device, opened on first use */
    BackendContext context(Backend backend) {
        return contexts.computeIfAbsent(backend, this::open);
    }

    private BackendContext open(Backend backend) {
        return backend.open(devices.index(backend.type(), backend.devices().size()), config);
    }

    /** @return what is known of every installed backend, preferred first */
    List<BackendInfo> infos() {
        return backends.stream().map(Installed::backend).map(backend -> {
            Backend.Availability probe = availability(backend);
            return new BackendInfo(backend.type(), backend.getClass().getSimpleName(), backend.priority(),
                    probe.available(), probe.reason(), backend.modes(),
                    probe.available() ? backend.devices() : List.of());
        }).toList();
    }

    @Override
    public void close() {
        contexts.values().forEach(BackendContext::close);
        contexts.clear();
    }

    private record Installed(Backend backend, int ranking, long order) {
    }
}
