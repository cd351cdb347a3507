package io.ringkernel.management.internal;

import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.management.KernelBundles;
import io.ringkernel.management.RingKernelMBeans;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * In an OSGi framework, shows the runtime service and the framework's kernel bundles in the
 * platform MBean server (domain {@code io.ringkernel}) for as long as both exist. No remote
 * connector is started.
 */
@Component(service = {}, immediate = true)
public final class RingKernelMBeansComponent {
    private final RingKernelMBeans mbeans;

    /**
     * @param runtime the runtime service to publish
     * @param context this bundle's context, to find the kernel bundles with
     */
    @Activate
    public RingKernelMBeansComponent(@Reference RingKernelRuntime runtime, BundleContext context) {
        this.mbeans = RingKernelMBeans.register(runtime);
        this.mbeans.showKernelBundles(new KernelBundles(context));
    }

    /** Unregisters every bean. */
    @Deactivate
    void deactivate() {
        mbeans.close();
    }
}
