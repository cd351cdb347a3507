package io.ringkernel.management;

import java.util.List;
import javax.management.ConstructorParameters;

/**
 * One installed bundle that registers kernel definitions, as JMX clients see it: a getter class,
 * which the MXBean mapping turns into {@code CompositeData}.
 */
public final class KernelBundleSummary {
    private final String symbolicName;
    private final String version;
    private final String state;
    private final List<String> definitionIds;

    /**
     * @param symbolicName the bundle's symbolic name
     * @param version its version
     * @param state its OSGi state, e.g. ACTIVE
     * @param definitionIds the ids of the kernel definitions it registers
     */
    @ConstructorParameters({"symbolicName", "version", "state", "definitionIds"})
    public KernelBundleSummary(String symbolicName, String version, String state, List<String> definitionIds) {
        this.symbolicName = symbolicName;
        this.version = version;
        this.state = state;
        this.definitionIds = List.copyOf(definitionIds);
    }

    /** @return the bundle's symbolic name */
    public String getSymbolicName() {
        return symbolicName;
    }

    /** @return its version */
    public String getVersion() {
        return version;
    }

    /** @return its OSGi state, e.g. ACTIVE */
    public String getState() {
        return state;
    }

    /** @return the ids of the kernel definitions it registers */
    public List<String> getDefinitionIds() {
        return definitionIds;
    }
}
