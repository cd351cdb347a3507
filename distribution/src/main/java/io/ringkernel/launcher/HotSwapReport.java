package io.ringkernel.launcher;

import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.spi.KernelDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Tells when a demo kernel's new code first answers after its definition was replaced (its
 * bundle updated in {@code deploy/}): notes when a kernel definition service leaves, and logs the
 * first call answered under another definition with the same id, with the time since the old one
 * left and the kernel's error counters.
 *
 * <p>A call made under the old definition is not counted even if the new code answers it, so the
 * report is never early; it may be late by one demo tick.
 */
final class HotSwapReport implements ServiceTrackerCustomizer<KernelDefinition, KernelDefinition> {

    private static final System.Logger LOG = System.getLogger(HotSwapReport.class.getName());

    private final BundleContext context;
    private final Map<String, Departure> departures = new ConcurrentHashMap<>();

    /** @param context where the kernel definitions are registered */
    HotSwapReport(BundleContext context) {
        this.context = context;
    }

    @Override
    public KernelDefinition addingService(ServiceReference<KernelDefinition> reference) {
        return context.getService(reference);
    }

    @Override
    public void modifiedService(ServiceReference<KernelDefinition> reference, KernelDefinition definition) {
        // a definition's service properties play no part in a swap
    }

    @Override
    public void removedService(ServiceReference<KernelDefinition> reference, KernelDefinition definition) {
        departures.put(definition.id(), new Departure(definition, System.nanoTime()));
        context.ungetService(reference);
    }

    /**
     * Records that a call to the kernel named after {@code definition} was answered; the first
     * such call after another definition with its id left is logged.
     *
     * @param runtime the runtime the kernel runs in
     * @param definition the definition the call was made under
     */
    void answered(RingKernelRuntime runtime, KernelDefinition definition) {
        String id = definition.id();
        Departure departure = departures.get(id);
        if (departure == null || departure.definition() == definition || !departures.remove(id, departure)) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - departure.nanos());
        KernelMetrics metrics = runtime.metrics(id);
        LOG.log(System.Logger.Level.INFO, "kernel ''{0}'' answers with the new code {1,number,#} ms after its "
                + "definition left ({2,number,#} errors, {3,number,#} dropped, {4,number,#} late replies)",
                id, millis, metrics.errors(), metrics.dropped(), metrics.lateReplies());
    }

    /** A definition that left, and when (System.nanoTime). */
    private record Departure(KernelDefinition definition, long nanos) {
    }
}
