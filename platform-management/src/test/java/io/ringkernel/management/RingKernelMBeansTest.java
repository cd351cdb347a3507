package io.ringkernel.management;

import static io.ringkernel.management.ManagedRuntime.DOMAIN;
import static io.ringkernel.management.ManagedRuntime.eventually;
import static io.ringkernel.management.ManagedRuntime.kernelName;
import static io.ringkernel.management.ManagedRuntime.name;
import static io.ringkernel.management.ManagedRuntime.runtimeName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.ConformanceKernel;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import org.junit.jupiter.api.Test;

class RingKernelMBeansTest {

    @Test
    void shouldRegisterTheRuntimeBeanAsTypeRuntimeAndNameKernelBeansByQuotedId() {
        try (ManagedRuntime managed = new ManagedRuntime()) {
            assertThat(managed.mbeans.runtimeName()).isEqualTo(runtimeName());
            assertThat(managed.mbeans.kernelName("k")).isEqualTo(kernelName("k"));
            assertThat(managed.server.isRegistered(runtimeName())).isTrue();
            assertThat(managed.server.queryNames(name(DOMAIN + ":type=Kernel,*"), null)).isEmpty();
        }
    }

    @Test
    void shouldUnregisterEveryBeanOnClose() {
        ManagedRuntime managed = new ManagedRuntime();
        managed.launch("a");
        managed.launch("b");
        managed.mbeans.refresh();
        assertThat(managed.server.queryNames(name(DOMAIN + ":*"), null)).hasSize(3);

        managed.close();

        assertThat(managed.server.queryNames(name(DOMAIN + ":*"), null)).isEmpty();
    }

    @Test
    void shouldRegisterNewKernelsOnTheScheduledRefresh() {
        try (ManagedRuntime managed = new ManagedRuntime(Duration.ofMillis(20))) {
            managed.launch("k");

            assertThat(eventually(() -> managed.server.isRegistered(kernelName("k")))).isTrue();
        }
    }

    @Test
    void shouldStopRefreshingOnceClosed() throws InterruptedException {
        ManagedRuntime managed = new ManagedRuntime(Duration.ofMillis(20));
        managed.mbeans.close();

        managed.launch("k");
        Thread.sleep(200);
        managed.mbeans.refresh();

        assertThat(managed.server.queryNames(name(DOMAIN + ":*"), null)).isEmpty();
        managed.close();
    }

    @Test
    void shouldRegisterListedKernelsAtOnceAndUnregisterThoseNoLongerListed() {
        ListedKernelsRuntime runtime = new ListedKernelsRuntime();
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        runtime.kernelIds = List.of("a", "b");
        try (RingKernelMBeans mbeans = RingKernelMBeans.register(runtime, server, DOMAIN,
                ManagedRuntime.NO_BACKGROUND_REFRESH)) {
            assertThat(server.isRegistered(kernelName("a"))).isTrue();
            runtime.kernelIds = List.of("b");

            mbeans.refresh();

            assertThat(server.isRegistered(kernelName("a"))).isFalse();
            assertThat(server.isRegistered(kernelName("b"))).isTrue();
        }
    }

    @Test
    void shouldRefuseASecondRegistrationInTheSameDomainAndKeepTheFirst() {
        try (ManagedRuntime managed = new ManagedRuntime();
             RingKernelRuntime other = RingKernelRuntime.builder().addKernel(new ConformanceKernel()).build()) {
            assertThatThrownBy(() -> RingKernelMBeans.register(other, managed.server, DOMAIN))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(runtimeName().toString());

            assertThat(managed.server.isRegistered(runtimeName())).isTrue();
        }
    }

    @Test
    void shouldRegisterInThePlatformServerUnderTheDefaultDomain() {
        MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().addKernel(new ConformanceKernel()).build()) {
            try (RingKernelMBeans mbeans = RingKernelMBeans.register(runtime)) {
                assertThat(mbeans.runtimeName()).isEqualTo(name("io.ringkernel:type=Runtime"));
                assertThat(platform.isRegistered(mbeans.runtimeName())).isTrue();
            }
            assertThat(platform.isRegistered(name("io.ringkernel:type=Runtime"))).isFalse();
        }
    }

    @Test
    void shouldRejectANonPositiveRefreshInterval() {
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().build()) {
            assertThatThrownBy(() -> RingKernelMBeans.register(runtime,
                    MBeanServerFactory.newMBeanServer(), DOMAIN, Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refreshInterval");
        }
    }
}
