package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.spi.Backend;
import java.time.Duration;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;

/**
 * A backend's device chosen by its property {@code ringkernel.device.<TYPE>} for one test. The
 * runtime component reads the property through {@code BundleContext.getProperty}, which falls
 * back to the system properties where the framework has none of that name; so the test sets a
 * system property and restarts the runtime bundle, whose new component reads it. Closing clears
 * the property and restarts the runtime bundle again, so later tests get each backend's device 0.
 */
final class ChosenDevice implements AutoCloseable {
    private static final String RUNTIME_BUNDLE = "io.ringkernel.platform-runtime";

    private final BundleContext context;
    private final String property;
    private final Duration timeout;
    private ServiceReference<RingKernelRuntime> reference;
    private RingKernelRuntime runtime;

    private ChosenDevice(BundleContext context, String property, Duration timeout) {
        this.context = context;
        this.property = property;
        this.timeout = timeout;
    }

    /**
     * @param context a bundle context of the framework
     * @param type the backend type
     * @param value the property's value, valid or not
     * @param timeout how long the runtime bundle may take to stop and to register its service again
     * @return the choice, the runtime restarted with it
     */
    static ChosenDevice choose(BundleContext context, BackendType type, String value, Duration timeout)
            throws BundleException, InterruptedException {
        String property = Backend.deviceProperty(type);
        assertThat(context.getProperty(property)).as("framework property " + property + " before the test").isNull();
        ChosenDevice chosen = new ChosenDevice(context, property, timeout);
        System.setProperty(property, value);
        try {
            assertThat(context.getProperty(property)).as(property + " as the runtime bundle reads it").isEqualTo(value);
            chosen.restartRuntime();
        } catch (Throwable failed) {
            System.clearProperty(property);
            throw failed;
        }
        chosen.reference = context.getServiceReference(RingKernelRuntime.class);
        chosen.runtime = context.getService(chosen.reference);
        return chosen;
    }

    /** @return the runtime service that the restarted component registered, with the device chosen */
    RingKernelRuntime runtime() {
        return runtime;
    }

    /** Clears the property and restarts the runtime bundle, so that each backend runs on its device 0 again. */
    @Override
    public void close() throws BundleException, InterruptedException {
        System.clearProperty(property);
        context.ungetService(reference);
        restartRuntime();
    }

    private void restartRuntime() throws BundleException, InterruptedException {
        Bundle runtimeBundle = Bundles.named(context, RUNTIME_BUNDLE);
        runtimeBundle.stop();
        runtimeBundle.start();
        Await.until(() -> context.getServiceReference(RingKernelRuntime.class) != null, timeout);
        assertThat(context.getServiceReference(RingKernelRuntime.class))
                .as("the runtime service after the runtime bundle restarted").isNotNull();
    }
}
