package io.ringkernel.dashboard;

import io.ringkernel.management.KernelBundleSummary;
import java.util.List;

/**
 * A kernel bundle installed in the platform.
 *
 * @param symbolicName its symbolic name
 * @param version its version
 * @param state its OSGi state, e.g. ACTIVE
 * @param definitionIds the kernel definitions it registers
 */
public record DeployedBundle(String symbolicName, String version, String state, List<String> definitionIds) {

    /**
     * @param summaries kernel bundles as the management beans describe them
     * @return the same bundles, in the same order
     */
    static List<DeployedBundle> all(List<KernelBundleSummary> summaries) {
        return summaries.stream().map(bundle -> new DeployedBundle(bundle.getSymbolicName(), bundle.getVersion(),
                bundle.getState(), bundle.getDefinitionIds())).toList();
    }
}
