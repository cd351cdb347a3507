package io.ringkernel.api;

import org.osgi.annotation.versioning.ProviderType;

/** A launched kernel, bound to its id. Obtained from {@link RingKernelRuntime#launch}. */
@ProviderType
public interface KernelHandle extends KernelOperations {

    /** @return the kernel's id */
    String id();
}
