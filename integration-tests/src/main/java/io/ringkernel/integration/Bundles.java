package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/** Finding, wiring and refreshing the bundles of the framework the tests run in. */
final class Bundles {
    /** The prefix of a location whose jar the framework reads in place. */
    private static final String REFERENCE = "reference:";

    private Bundles() {
    }

    /**
     * @param context a bundle context of the framework
     * @param symbolicName the bundle's symbolic name
     * @return the installed bundle of that name
     * @throws AssertionError if none is installed
     */
    static Bundle named(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }

    /**
     * @param bundle a resolved bundle
     * @return each package its current wiring imports, by name, with the bundle that exports it
     */
    static Map<String, Bundle> packageProviders(Bundle bundle) {
        Map<String, Bundle> providers = new TreeMap<>();
        for (BundleWire wire : bundle.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            providers.put((String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE),
                    wire.getProvider().getBundle());
        }
        return providers;
    }

    /**
     * Reads the jar a bundle was installed from, so that it can be reinstalled or updated from
     * these bytes later, whatever another build writes to that place meanwhile.
     *
     * @param bundle an installed bundle whose location is a URL, optionally after {@code reference:}
     * @return the jar's bytes
     */
    static byte[] content(Bundle bundle) throws IOException {
        String location = bundle.getLocation();
        String url = location.startsWith(REFERENCE) ? location.substring(REFERENCE.length()) : location;
        try (InputStream jar = URI.create(url).toURL().openStream()) {
            return jar.readAllBytes();
        }
    }

    /**
     * @param context a bundle context of the framework
     * @param bundle a bundle
     * @param other another bundle
     * @return whether refreshing {@code bundle} would refresh {@code other} as well: it is wired to
     *         it, directly or through other bundles
     */
    static boolean refreshTakes(BundleContext context, Bundle bundle, Bundle other) {
        return frameworkWiring(context).getDependencyClosure(List.of(bundle)).contains(other);
    }

    /**
     * Refreshes a bundle (and the bundles wired to it) and waits for the framework to say it is done.
     *
     * @param context a bundle context of the framework
     * @param bundle the bundle
     * @param timeout how long to wait
     */
    static void refresh(BundleContext context, Bundle bundle, Duration timeout) throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        AtomicReference<FrameworkEvent> done = new AtomicReference<>();
        frameworkWiring(context).refreshBundles(List.of(bundle), event -> {
            done.set(event);
            refreshed.countDown();
        });
        assertThat(refreshed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("refresh finished").isTrue();
        assertThat(done.get().getType()).isEqualTo(FrameworkEvent.PACKAGES_REFRESHED);
    }

    private static FrameworkWiring frameworkWiring(BundleContext context) {
        return context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
    }
}
