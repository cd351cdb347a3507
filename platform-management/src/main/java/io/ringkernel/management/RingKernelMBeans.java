package io.ringkernel.management;

import io.ringkernel.api.RingKernelRuntime;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Registers MXBeans for one runtime and keeps the kernel beans in step with its kernels.
 *
 * <pre>{@code
 * try (RingKernelMBeans mbeans = RingKernelMBeans.register(runtime)) {
 *     // JConsole, VisualVM and Mission Control now show io.ringkernel:type=Runtime
 *     // and one io.ringkernel:type=Kernel,name="<id>" per kernel
 * }
 * }</pre>
 *
 * <p>Names: {@code <domain>:type=Runtime} for the {@link RingKernelRuntimeMXBean} and
 * {@code <domain>:type=Kernel,name=<id quoted with ObjectName.quote>} for each
 * {@link KernelMXBean}. Two runtimes in one MBean server need two domains.
 *
 * <p>Kernel beans mirror {@link RingKernelRuntime#listKernels()}: {@link #refresh()} registers a
 * bean for each new id and unregisters those no longer listed. It runs on a daemon thread at the
 * refresh interval and after every launch through the runtime bean. A terminated kernel stays
 * listed, and so keeps its bean, until its id is reused.
 *
 * <p>Security: this class never starts a remote JMX connector. The beans are registered in the
 * platform MBean server or the one passed in, and are reachable from another process only if the
 * JVM was started with remote JMX enabled ({@code -Dcom.sun.management.jmxremote.port=...}); off
 * by default. Local attach tools (JConsole, VisualVM, JMC on the same host and user) see them.
 */
public final class RingKernelMBeans implements AutoCloseable {
    /** The domain {@link #register(RingKernelRuntime)} uses. */
    public static final String DEFAULT_DOMAIN = "io.ringkernel";
    /** How often kernel beans are brought in step with the runtime's kernels unless told otherwise. */
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(RingKernelMBeans.class.getName());

    private final RingKernelRuntime runtime;
    private final MBeanServer server;
    private final String domain;
    private final ObjectName runtimeName;
    private final Set<String> registeredKernels = new HashSet<>();
    private final ScheduledExecutorService refresher;
    private ObjectName kernelBundlesName;
    private boolean closed;

    private RingKernelMBeans(RingKernelRuntime runtime, MBeanServer server, String domain) {
        this.runtime = runtime;
        this.server = server;
        this.domain = domain;
        this.runtimeName = name(domain + ":type=Runtime");
        this.refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ringkernel-jmx-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Registers in the platform MBean server under {@link #DEFAULT_DOMAIN}, refreshing every
     * {@link #DEFAULT_REFRESH_INTERVAL}.
     *
     * @param runtime the runtime to show
     * @return the registration; close it to unregister
     */
    public static RingKernelMBeans register(RingKernelRuntime runtime) {
        return register(runtime, ManagementFactory.getPlatformMBeanServer(), DEFAULT_DOMAIN);
    }

    /**
     * Registers with the default refresh interval.
     *
     * @param runtime the runtime to show
     * @param server the MBean server, usually {@link ManagementFactory#getPlatformMBeanServer()}
     * @param domain the ObjectName domain, e.g. {@code "io.ringkernel"}
     * @return the registration; close it to unregister
     */
    public static RingKernelMBeans register(RingKernelRuntime runtime, MBeanServer server, String domain) {
        return register(runtime, server, domain, DEFAULT_REFRESH_INTERVAL);
    }

    /**
     * Registers the runtime bean and a bean per current kernel, then refreshes at the interval.
     *
     * @param runtime the runtime to show
     * @param server the MBean server
     * @param domain the ObjectName domain
     * @param refreshInterval how often kernel beans are brought in step with the runtime's kernels
     * @return the registration; close it to unregister
     * @throws IllegalArgumentException if the domain is not a valid ObjectName domain or the
     *         interval is not positive
     * @throws IllegalStateException if a bean of that name is already registered
     */
    public static RingKernelMBeans register(RingKernelRuntime runtime, MBeanServer server, String domain,
                                            Duration refreshInterval) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(domain, "domain");
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("refreshInterval must be positive, got " + refreshInterval);
        }
        RingKernelMBeans mbeans = new RingKernelMBeans(runtime, server, domain);
        mbeans.start(refreshInterval);
        return mbeans;
    }

    private void start(Duration refreshInterval) {
        try {
            register(runtimeName, new StandardMBean(new RuntimeBean(runtime, this::refresh),
                    RingKernelRuntimeMXBean.class, true));
        } catch (RuntimeException e) {
            refresher.shutdownNow();
            throw e;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        long nanos = refreshInterval.toNanos();
        refresher.scheduleWithFixedDelay(this::refreshQuietly, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Shows a platform's kernel bundles as {@code <domain>:type=KernelBundles}, until
     * {@link #close()}; in OSGi the management bundle does this itself.
     *
     * @param bundles lists the kernel bundles
     * @return the bean's name
     * @throws IllegalStateException if they are shown already, or after close
     */
    public synchronized ObjectName showKernelBundles(KernelBundlesMXBean bundles) {
        if (closed || kernelBundlesName != null) {
            throw new IllegalStateException(closed ? "closed" : "kernel bundles are shown already as " + kernelBundlesName);
        }
        ObjectName name = name(domain + ":" + KernelBundlesMXBean.NAME_PROPERTIES);
        register(name, new StandardMBean(bundles, KernelBundlesMXBean.class, true));
        kernelBundlesName = name;
        return name;
    }

    /** @return the runtime bean's name, {@code <domain>:type=Runtime} */
    public ObjectName runtimeName() {
        return runtimeName;
    }

    /**
     * @param kernelId a kernel's id
     * @return the name its bean has, {@code <domain>:type=Kernel,name=<quoted id>}
     */
    public ObjectName kernelName(String kernelId) {
        return name(domain + ":type=Kernel,name=" + ObjectName.quote(kernelId));
    }

    /**
     * Registers a bean for each kernel id the runtime lists that has none, and unregisters the
     * beans of ids it no longer lists. Does nothing once closed.
     *
     * @throws IllegalStateException if a kernel bean's name is taken by a bean of someone else
     */
    public synchronized void refresh() {
        if (closed) {
            return;
        }
        List<String> listed = runtime.listKernels();
        for (String kernelId : listed) {
            if (!registeredKernels.contains(kernelId)) {
                register(kernelName(kernelId),
                        new StandardMBean(new KernelBean(runtime, kernelId), KernelMXBean.class, true));
                registeredKernels.add(kernelId);
            }
        }
        Set<String> gone = new HashSet<>(registeredKernels);
        listed.forEach(gone::remove);
        for (String kernelId : gone) {
            unregister(kernelName(kernelId));
            registeredKernels.remove(kernelId);
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not refresh the RingKernel MBeans in domain " + domain, e);
        }
    }

    /** Stops refreshing and unregisters every bean this registration made. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        refresher.shutdownNow();
        for (String kernelId : registeredKernels) {
            unregister(kernelName(kernelId));
        }
        registeredKernels.clear();
        if (kernelBundlesName != null) {
            unregister(kernelBundlesName);
        }
        unregister(runtimeName);
    }

    private void register(ObjectName name, StandardMBean bean) {
        try {
            server.registerMBean(bean, name);
        } catch (JMException e) {
            throw new IllegalStateException("could not register MBean " + name + ": " + e.getMessage(), e);
        }
    }

    private void unregister(ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            LOG.log(System.Logger.Level.DEBUG, "MBean {0} was already unregistered", name);
        } catch (JMException e) {
            throw new IllegalStateException("could not unregister MBean " + name + ": " + e.getMessage(), e);
        }
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("not a valid ObjectName: " + text, e);
        }
    }
}
