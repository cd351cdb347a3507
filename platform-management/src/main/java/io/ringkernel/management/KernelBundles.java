package io.ringkernel.management;

import io.ringkernel.spi.KernelDefinition;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Finds the kernel bundles of a framework: those that register {@link KernelDefinition} services. */
public final class KernelBundles implements KernelBundlesMXBean {
    private final BundleContext context;

    /** @param context any bundle's context in the framework to look at */
    public KernelBundles(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<KernelBundleSummary> getKernelBundles() {
        List<KernelBundleSummary> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            List<String> definitions = definitionIds(bundle);
            if (!definitions.isEmpty()) {
                bundles.add(new KernelBundleSummary(bundle.getSymbolicName(), bundle.getVersion().toString(),
                        stateName(bundle.getState()), definitions));
            }
        }
        return bundles;
    }

    private static List<String> definitionIds(Bundle bundle) {
        List<String> definitions = new ArrayList<>();
        ServiceReference<?>[] services = bundle.getRegisteredServices();
        for (ServiceReference<?> service : services == null ? new ServiceReference<?>[0] : services) {
            Object id = service.getProperty(KernelDefinition.PROPERTY_ID);
            if (id != null) {
                definitions.add(id.toString());
            }
        }
        return definitions;
    }

    /**
     * @param state a {@link Bundle#getState()} value
     * @return its name, e.g. ACTIVE
     */
    static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "state " + state;
        };
    }
}
