package io.ringkernel.dashboard;

/**
 * A kernel bundle installed in the platform.
 *
 * @param symbolicName its symbolic name
 * @param version its version
 * @param state its OSGi state, e.g. ACTIVE
 * @param definitionIds the kernel definitions it registers
 */
public record DeployedBundle(String symbolicName, String version, String state, java.util.List<String> definitionIds) {
}
