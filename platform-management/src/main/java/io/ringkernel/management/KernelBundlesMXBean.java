package io.ringkernel.management;

import java.util.List;

/**
 * The kernel bundles of an OSGi platform, registered as {@code <domain>:type=KernelBundles} next
 * to the runtime's bean, so that a remote client such as the dashboard can list them. Absent
 * outside OSGi.
 */
public interface KernelBundlesMXBean {
    /** The key properties of the bean's name, after its domain. */
    String NAME_PROPERTIES = "type=KernelBundles";

    /** @return every installed bundle that registers a kernel definition, in bundle id order */
    List<KernelBundleSummary> getKernelBundles();
}
