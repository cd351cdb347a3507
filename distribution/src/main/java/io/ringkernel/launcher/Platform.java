package io.ringkernel.launcher;

import io.ringkernel.api.RingKernelRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The embedded OSGi framework of an installation: found through
 * {@code ServiceLoader<FrameworkFactory>}, its cache in {@code var/} wiped on every start, every
 * jar in {@code bundle/} installed and started, and FileInstall told to watch {@code deploy/}.
 *
 * <p>The launcher and the bundles share one copy of the platform API: the launcher has it on its
 * class path and the system bundle exports its packages (read from the API jar's own
 * {@code Export-Package}), so the {@link RingKernelRuntime} service casts in both worlds. The
 * API jar is therefore in {@code lib/}, not in {@code bundle/}.
 */
public final class Platform {

    private static final System.Logger LOG = System.getLogger(Platform.class.getName());
    private static final String API_BUNDLE = "io.ringkernel.platform-api";
    private static final String RUNTIME_BUNDLE = "io.ringkernel.platform-runtime";
    /* The Gogo shell's options; conf/ringkernel.properties turns its console off by default. */
    private static final String GOSH_ARGS = "gosh.args";
    /** Framework property the dashboard bundle reads: "true" to open its window. */
    static final String DASHBOARD_PROPERTY = "ringkernel.dashboard";

    private final Framework framework;
    private final ServiceTracker<RingKernelRuntime, RingKernelRuntime> runtime;

    private Platform(Framework framework) {
        this.framework = framework;
        this.runtime = new ServiceTracker<>(framework.getBundleContext(), RingKernelRuntime.class, null);
    }

    /**
     * Starts the framework and every bundle in {@code bundle/}.
     *
     * @param home the installation folder
     * @param console whether the Gogo shell reads commands from stdin; when that console ends
     *                ({@code exit}, end of input) the framework stops
     * @param dashboard whether the dashboard bundle opens its window
     * @return the running platform
     * @throws IOException if a folder or the configuration cannot be read
     * @throws BundleException if the framework or a bundle fails to start
     */
    public static Platform start(Path home, boolean console, boolean dashboard) throws IOException, BundleException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, Platform.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework framework = factory.newFramework(configuration(home, console, dashboard));
        framework.init();
        Platform platform = new Platform(framework);
        platform.runtime.open();
        framework.start();
        platform.startBundles(home.resolve("bundle"));
        return platform;
    }

    /**
     * @param timeout how long to wait for the runtime component to register its service
     * @return the runtime service
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if it is not registered in time
     */
    public RingKernelRuntime awaitRuntime(Duration timeout) throws InterruptedException {
        RingKernelRuntime service = runtime.waitForService(timeout.toMillis());
        if (service == null) {
            throw new IllegalStateException("the RingKernelRuntime service did not appear within " + timeout);
        }
        return service;
    }

    /** @return the runtime service now, or {@code null} while there is none */
    public RingKernelRuntime runtime() {
        return runtime.getService();
    }

    /** @return the system bundle's context, for tracking services */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /**
     * Waits for the framework to stop, e.g. because the console ended.
     *
     * @param timeout how long to wait; zero waits for ever
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitStop(Duration timeout) throws InterruptedException {
        framework.waitForStop(timeout.toMillis());
    }

    /**
     * Stops the framework, which stops every bundle and so terminates every kernel.
     *
     * @param timeout how long to wait for it to stop
     * @return whether it stopped in time
     */
    public boolean stop(Duration timeout) {
        try {
            runtime.close();
            framework.stop();
            FrameworkEvent event = framework.waitForStop(timeout.toMillis());
            return event.getType() != FrameworkEvent.WAIT_TIMEDOUT;
        } catch (BundleException e) {
            LOG.log(System.Logger.Level.ERROR, "stopping the framework failed", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Installs every jar, then starts them with the runtime last, so that its kernels find the
     * serializers and backends already there.
     */
    private void startBundles(Path folder) throws IOException, BundleException {
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(folder)) {
            for (Path jar : jars.filter(path -> path.toString().endsWith(".jar")).sorted().toList()) {
                installed.add(context.installBundle(jar.toUri().toString()));
            }
        }
        installed.sort(Comparator.comparing(bundle -> RUNTIME_BUNDLE.equals(bundle.getSymbolicName())));
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "started {0} bundles from {1}", installed.size(), folder);
    }

    private static Map<String, String> configuration(Path home, boolean console, boolean dashboard) throws IOException {
        Map<String, String> config = new HashMap<>();
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("conf/ringkernel.properties"),
                StandardCharsets.ISO_8859_1)) {
            file.load(reader);
        }
        file.stringPropertyNames().forEach(name -> config.put(name, file.getProperty(name)));
        config.put(Constants.FRAMEWORK_STORAGE, home.resolve("var/felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiExports() + JavaFxPackages.exports(home.resolve("lib")));
        config.put(DASHBOARD_PROPERTY, Boolean.toString(dashboard));
        config.put("felix.fileinstall.dir", home.resolve("deploy").toString());
        if (console) {
            config.put(GOSH_ARGS, "");
        }
        return config;
    }

    private static String apiExports() throws IOException {
        Enumeration<URL> manifests = Platform.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            try (InputStream in = manifests.nextElement().openStream()) {
                Manifest manifest = new Manifest(in);
                String name = manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
                if (name != null && name.split(";")[0].trim().equals(API_BUNDLE)) {
                    return manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
                }
            }
        }
        throw new IllegalStateException("the platform API jar (" + API_BUNDLE + ") is not on the class path");
    }
}
