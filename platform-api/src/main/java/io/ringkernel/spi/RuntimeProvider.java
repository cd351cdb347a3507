package io.ringkernel.spi;

import io.ringkernel.api.RingKernelRuntime;
import org.osgi.annotation.versioning.ProviderType;

/** Creates runtimes; implemented once, by the platform's runtime bundle. */
@ProviderType
public interface RuntimeProvider {

    /**
     * @param spec what to start
     * @return a started runtime
     */
    RingKernelRuntime create(RuntimeSpec spec);
}
