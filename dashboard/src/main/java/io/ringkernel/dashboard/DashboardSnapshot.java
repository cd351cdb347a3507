package io.ringkernel.dashboard;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.KernelMetrics;
import java.time.Instant;
import java.util.List;

/**
 * The runtime's state at one moment, as the dashboard shows it.
 *
 * @param takenAt when it was read
 * @param kernels every kernel's metrics
 * @param backends every installed backend and its devices
 * @param definitionIds the kernel definitions that can be launched
 * @param bundles the kernel bundles deployed, where the source knows them
 */
public record DashboardSnapshot(Instant takenAt, List<KernelMetrics> kernels, List<BackendInfo> backends,
                                List<String> definitionIds, List<DeployedBundle> bundles) {

    /** Copies the lists. */
    public DashboardSnapshot {
        kernels = List.copyOf(kernels);
        backends = List.copyOf(backends);
        definitionIds = List.copyOf(definitionIds);
        bundles = List.copyOf(bundles);
    }
}
