package io.ringkernel.dashboard;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.BackendType;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.management.BackendSummary;
import io.ringkernel.management.KernelBundlesMXBean;
import io.ringkernel.management.RingKernelMBeans;
import io.ringkernel.management.RingKernelRuntimeMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A runtime in another JVM, through the MXBeans that {@code platform-management} registers
 * ({@code io.ringkernel:type=Runtime} and one {@code io.ringkernel:type=Kernel,name=…} per
 * kernel). One kernel costs one round trip per snapshot (all its attributes at once).
 */
public final class JmxSource implements DashboardSource {
    private static final String[] KERNEL_ATTRIBUTES = {"Status", "Backend", "Mode", "DeviceName", "MessagesIn",
        "MessagesOut", "Processed", "Dropped", "Errors", "LateReplies", "InputDepth", "OutputDepth",
        "LatencyP50Micros", "LatencyP99Micros", "LatencyP999Micros", "LatencyMaxMicros", "Throughput",
        "UptimeSeconds", "LastError", "Restarts"};

    private final String address;
    private final JMXConnector connector;
    private final MBeanServerConnection connection;
    private final RingKernelRuntimeMXBean runtime;
    private final ObjectName kernelBundlesName;
    private final KernelBundlesMXBean kernelBundles;
    private final String domain;

    private JmxSource(String address, JMXConnector connector, MBeanServerConnection connection, String domain) {
        this.address = address;
        this.connector = connector;
        this.connection = connection;
        this.domain = domain;
        this.runtime = JMX.newMXBeanProxy(connection, name(domain + ":type=Runtime"), RingKernelRuntimeMXBean.class);
        this.kernelBundlesName = name(domain + ":" + KernelBundlesMXBean.NAME_PROPERTIES);
        this.kernelBundles = JMX.newMXBeanProxy(connection, kernelBundlesName, KernelBundlesMXBean.class);
    }

    /**
     * @param address a JMX service URL, e.g. {@code service:jmx:rmi:///jndi/rmi://host:9010/jmxrmi}
     * @param environment the connector's environment, e.g. credentials under
     *        {@link JMXConnector#CREDENTIALS}
     * @return a source connected to the runtime registered there under the default domain
     * @throws UncheckedIOException if the connection fails
     */
    public static JmxSource connect(String address, Map<String, ?> environment) {
        try {
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address), environment);
            return new JmxSource(address, connector, connector.getMBeanServerConnection(),
                    RingKernelMBeans.DEFAULT_DOMAIN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + address + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param connection an MBean server, e.g. this JVM's platform server
     * @param domain the domain the runtime's MXBeans are registered under
     * @return a source over that connection, which the caller keeps open
     */
    public static JmxSource over(MBeanServerConnection connection, String domain) {
        return new JmxSource("MBean server (" + domain + ")", null, connection, domain);
    }

    @Override
    public String describe() {
        return address;
    }

    @Override
    public DashboardSnapshot snapshot() {
        List<KernelMetrics> kernels = new ArrayList<>();
        for (String id : runtime.getKernelIds()) {
            try {
                kernels.add(kernel(id));
            } catch (InstanceNotFoundException e) {
                // listed before its MXBean was registered, or gone since: the next snapshot tells
            } catch (JMException | IOException e) {
                throw new IllegalStateException("cannot read kernel '" + id + "' from " + address + ": " + e, e);
            }
        }
        List<BackendInfo> backends = runtime.getBackends().stream().map(JmxSource::backend).toList();
        return new DashboardSnapshot(Instant.now(), kernels, backends, runtime.getDefinitionIds(), kernelBundles());
    }

    /** @return the platform's kernel bundles; none where the runtime runs outside OSGi and has no such bean */
    private List<DeployedBundle> kernelBundles() {
        try {
            if (!connection.isRegistered(kernelBundlesName)) {
                return List.of();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + address + ": " + e.getMessage(), e);
        }
        return DeployedBundle.all(kernelBundles.getKernelBundles());
    }

    private KernelMetrics kernel(String id) throws JMException, IOException {
        AttributeList list = connection.getAttributes(name(domain + ":type=Kernel,name=" + ObjectName.quote(id)),
                KERNEL_ATTRIBUTES);
        Map<String, Object> values = list.asList().stream().collect(Collectors.toMap(Attribute::getName,
                Attribute::getValue));
        Function<String, Long> count = key -> ((Number) values.getOrDefault(key, 0L)).longValue();
        Function<String, Duration> micros = key -> Duration.ofNanos(
                Math.round(((Number) values.getOrDefault(key, 0.0)).doubleValue() * 1_000));
        return new KernelMetrics(id, KernelStatus.valueOf((String) values.get("Status")),
                BackendType.valueOf((String) values.get("Backend")), LaunchMode.valueOf((String) values.get("Mode")),
                new DeviceInfo(0, String.valueOf(values.get("DeviceName")), "", "", 0, 0),
                count.apply("MessagesIn"), count.apply("MessagesOut"), count.apply("Processed"), count.apply("Dropped"),
                count.apply("Errors"), count.apply("LateReplies"), count.apply("InputDepth"), count.apply("OutputDepth"),
                micros.apply("LatencyP50Micros"), micros.apply("LatencyP99Micros"), micros.apply("LatencyP999Micros"),
                micros.apply("LatencyMaxMicros"), ((Number) values.getOrDefault("Throughput", 0.0)).doubleValue(),
                Duration.ofMillis(Math.round(((Number) values.getOrDefault("UptimeSeconds", 0.0)).doubleValue() * 1_000)),
                String.valueOf(values.getOrDefault("LastError", "")),
                ((Number) values.getOrDefault("Restarts", 0)).intValue());
    }

    private static BackendInfo backend(BackendSummary summary) {
        List<DeviceInfo> devices = new ArrayList<>();
        for (String deviceName : summary.getDeviceNames()) {
            devices.add(new DeviceInfo(devices.size(), deviceName, "", "", 0, 0));
        }
        return new BackendInfo(BackendType.valueOf(summary.getType()), summary.getName(), 0, summary.isAvailable(),
                summary.getUnavailableReason(), Set.of(), devices);
    }

    @Override
    public void activate(String kernelId) {
        runtime.activate(kernelId);
    }

    @Override
    public void deactivate(String kernelId) {
        runtime.deactivate(kernelId);
    }

    @Override
    public void terminate(String kernelId) {
        runtime.terminate(kernelId);
    }

    @Override
    public void launch(String kernelId, String definitionId) {
        runtime.launch(kernelId, definitionId);
    }

    @Override
    public String call(String kernelId, int typeId, String words) {
        return runtime.call(kernelId, typeId, words);
    }

    /** @throws UnsupportedOperationException always: JMX reaches the runtime, not its deploy/ folder */
    @Override
    public Path deploy(Path jar) {
        throw new UnsupportedOperationException("a dashboard connected over JMX cannot reach the platform's deploy/ "
                + "folder: copy " + jar.getFileName() + " into it on that machine");
    }

    @Override
    public void close() {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing the connection to " + address + " failed", e);
            }
        }
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("bad MBean name " + text, e);
        }
    }
}
