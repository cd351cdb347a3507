package io.ringkernel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.management.KernelBundleSummary;
import io.ringkernel.management.RingKernelMBeans;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageType;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's remote source against a runtime served over a real JMX connector (RMI on
 * localhost): it reads kernels and backends through the MXBeans, and its actions reach the runtime.
 */
class JmxSourceTest {
    private static final String DOMAIN = RingKernelMBeans.DEFAULT_DOMAIN;

    private RingKernelRuntime runtime;
    private RingKernelMBeans mbeans;
    private JMXConnectorServer server;
    private JmxSource source;

    /** A message the echo answers with itself. */
    public record Probe(long sequence, int sender) {
    }

    @BeforeEach
    void start() throws Exception {
        runtime = RingKernelRuntime.builder().backend(BackendType.CPU).discoverPlugins(false)
                .addSerializer(new FixedLayoutSerializer())
                .addKernel(KernelDefinition.of("echo", List.of(MessageType.of(1, Probe.class, MessageType.FIXED_LAYOUT)),
                        (message, context) -> message))
                .build();
        MBeanServer mbeanServer = ManagementFactory.getPlatformMBeanServer();
        mbeans = RingKernelMBeans.register(runtime, mbeanServer, DOMAIN, Duration.ofMillis(50));
        server = JMXConnectorServerFactory.newJMXConnectorServer(new JMXServiceURL("service:jmx:rmi://localhost"),
                null, mbeanServer);
        server.start();
        source = JmxSource.connect(server.getAddress().toString(), Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        if (source != null) {
            source.close();
        }
        server.stop();
        mbeans.close();
        runtime.shutdown();
    }

    @Test
    void shouldReadKernelsAndBackendsThroughTheMxBeans() {
        runtime.launch("k1", LaunchOptions.defaults().withDefinition("echo"));
        runtime.call("k1", new Probe(1, 2), Probe.class, Duration.ofSeconds(5));
        mbeans.refresh();

        DashboardSnapshot snapshot = source.snapshot();

        assertThat(snapshot.kernels()).singleElement().satisfies(kernel -> {
            assertThat(kernel.kernelId()).isEqualTo("k1");
            assertThat(kernel.status()).isEqualTo(KernelStatus.ACTIVE);
            assertThat(kernel.backend()).isEqualTo(BackendType.CPU);
            assertThat(kernel.processed()).isEqualTo(1);
        });
        assertThat(snapshot.backends()).anySatisfy(backend -> assertThat(backend.type()).isEqualTo(BackendType.CPU));
        assertThat(snapshot.definitionIds()).contains("echo");
        assertThat(snapshot.bundles()).as("a runtime outside OSGi shows no kernel bundles bean").isEmpty();
        assertThat(source.describe()).startsWith("service:jmx:rmi:");
    }

    @Test
    void shouldListThePlatformsKernelBundlesWhereItShowsThem() {
        mbeans.showKernelBundles(() -> List.of(
                new KernelBundleSummary("io.ringkernel.examples", "0.1.0", "ACTIVE", List.of("echo", "rolling-stats"))));

        DashboardSnapshot snapshot = source.snapshot();

        assertThat(snapshot.bundles()).containsExactly(
                new DeployedBundle("io.ringkernel.examples", "0.1.0", "ACTIVE", List.of("echo", "rolling-stats")));
    }

    @Test
    void shouldCarryActionsToTheRuntime() {
        source.launch("k2", "echo");
        assertThat(runtime.status("k2")).isEqualTo(KernelStatus.ACTIVE);
        source.deactivate("k2");
        assertThat(runtime.status("k2")).isEqualTo(KernelStatus.DEACTIVATED);
        source.activate("k2");
        assertThat(source.call("k2", 1, "7 3")).contains("7").contains("3");
        source.terminate("k2");
        assertThat(runtime.status("k2")).isEqualTo(KernelStatus.TERMINATED);
        mbeans.refresh();
        assertThat(source.snapshot().kernels()).extracting(KernelMetrics::status).containsOnly(KernelStatus.TERMINATED);
    }

    @Test
    void shouldReportWhatTheRuntimeRefusesAndThatItCannotDeploy() {
        assertThatThrownBy(() -> source.launch("k3", "no-such-definition"))
                .hasMessageContaining("no-such-definition");
        source.launch("k3", "echo");
        assertThatThrownBy(() -> source.call("k3", 9, "1 2")).hasMessageContaining("9");
        assertThatThrownBy(() -> source.deploy(Path.of("kernels.jar")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("deploy/");
    }
}
