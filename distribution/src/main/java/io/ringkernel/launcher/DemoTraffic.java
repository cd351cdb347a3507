package io.ringkernel.launcher;

import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.spi.KernelDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Launches the sample kernels once their definitions are deployed and calls each of them a few
 * hundred times a second, so the status table shows live numbers.
 *
 * <p>Messages are built from the message type the kernel was launched with: a hot-swapped kernel
 * runs the new revision's code but keeps accepting the classes it was launched with. While the
 * definition is gone the kernels park and the calls time out; a kernel that terminated (its
 * definition stayed away past the grace period) is launched again, with the new classes, when
 * the definition comes back. When a kernel's new code first answers, {@link HotSwapReport} logs
 * how long the kernel waited for it.
 */
final class DemoTraffic implements AutoCloseable {

    /** The sample kernels the demo drives, by definition id. */
    static final List<String> KERNELS = List.of("echo", "rolling-stats");

    private static final System.Logger LOG = System.getLogger(DemoTraffic.class.getName());
    private static final Duration TICK = Duration.ofMillis(10);
    private static final int CALLS_PER_TICK = 2;
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(500);

    private final Supplier<RingKernelRuntime> runtime;
    private final HotSwapReport swaps;
    private final ServiceTracker<KernelDefinition, KernelDefinition> definitions;
    private final DemoMessages messages = new DemoMessages();
    private final ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ringkernel-demo-traffic");
        thread.setDaemon(true);
        return thread;
    });
    private long sequence;

    /**
     * @param context where the kernel definitions are registered
     * @param runtime the runtime service now, or {@code null} while there is none
     */
    DemoTraffic(BundleContext context, Supplier<RingKernelRuntime> runtime) {
        this.runtime = runtime;
        this.swaps = new HotSwapReport(context);
        this.definitions = new ServiceTracker<>(context, KernelDefinition.class, swaps);
    }

    /** Starts driving traffic. */
    void start() {
        definitions.open();
        driver.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        driver.shutdownNow();
        try {
            driver.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        definitions.close();
    }

    private void tick() {
        RingKernelRuntime current = runtime.get();
        if (current == null) {
            return;
        }
        for (String id : KERNELS) {
            definition(id).ifPresent(definition -> drive(current, definition));
        }
    }

    private void drive(RingKernelRuntime current, KernelDefinition definition) {
        String id = definition.id();
        try {
            if (needsLaunch(current, id)) {
                current.launch(id, LaunchOptions.defaults());
                LOG.log(System.Logger.Level.INFO, "launched demo kernel {0}", id);
            }
            Class<?> type = current.kernel(id).messageTypes().get(0).javaType();
            for (int i = 0; i < CALLS_PER_TICK; i++) {
                current.call(id, messages.build(type, sequence++), Object.class, CALL_TIMEOUT);
            }
            swaps.answered(current, definition);
        } catch (RuntimeException | LinkageError e) {
            // parked kernels time out, a departing bundle's classes fail to load: the next tick retries
            LOG.log(System.Logger.Level.DEBUG, "demo call to {0} failed: {1}", id, e.toString());
        }
    }

    private static boolean needsLaunch(RingKernelRuntime current, String id) {
        if (!current.listKernels().contains(id)) {
            return true;
        }
        KernelStatus status = current.status(id);
        return status == KernelStatus.TERMINATED;
    }

    private Optional<KernelDefinition> definition(String id) {
        return definitions.getTracked().values().stream()
                .filter(definition -> definition.id().equals(id))
                .findFirst();
    }
}
