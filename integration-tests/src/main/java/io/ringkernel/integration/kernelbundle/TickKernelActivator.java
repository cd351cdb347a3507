package io.ringkernel.integration.kernelbundle;

import io.ringkernel.integration.Tick;
import io.ringkernel.spi.KernelDefinition;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of the kernel bundles that {@code ChaosKernelBundle} builds, each with its own
 * copy of this class: registers the {@value #DEFINITION_ID} definition, whose handlers add the
 * number of hops the bundle's {@value #HOPS_HEADER} header names. The framework unregisters it
 * when the bundle stops.
 */
public final class TickKernelActivator implements BundleActivator {
    /** The id of the definition the bundle registers. */
    public static final String DEFINITION_ID = "chaos-tick";
    /** The manifest header that says how many hops the bundle's handlers add to a tick. */
    public static final String HOPS_HEADER = "RingKernel-Tick-Hops";

    @Override
    public void start(BundleContext context) {
        int hops = Integer.parseInt(context.getBundle().getHeaders().get(HOPS_HEADER));
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(KernelDefinition.PROPERTY_ID, DEFINITION_ID);
        context.registerService(KernelDefinition.class, Tick.definition(DEFINITION_ID, hops), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the definition
    }
}
