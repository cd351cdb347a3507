package io.ringkernel.management;

import static io.ringkernel.management.ManagedRuntime.kernelName;
import static io.ringkernel.management.ManagedRuntime.ping;
import static io.ringkernel.management.ManagedRuntime.runtimeName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.conformance.ConformanceKernel;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.JMX;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuntimeMXBeanTest {
    private final ManagedRuntime managed = new ManagedRuntime();

    @AfterEach
    void close() {
        managed.close();
    }

    @Test
    void shouldShowDefaultBackendAndAvailableCpuBackendWithItsDevice() {
        assertThat(managed.attribute(runtimeName(), "DefaultBackend")).isEqualTo("CPU");
        CompositeData[] backends = (CompositeData[]) managed.attribute(runtimeName(), "Backends");

        CompositeData cpu = Arrays.stream(backends).filter(b -> "CPU".equals(b.get("type"))).findFirst().orElseThrow();
        assertThat(cpu.get("available")).isEqualTo(true);
        assertThat(cpu.get("unavailableReason")).isEqualTo("");
        assertThat((String[]) cpu.get("deviceNames")).isNotEmpty();
    }

    @Test
    void shouldRebuildBackendSummariesInAnMXBeanProxy() {
        RingKernelRuntimeMXBean proxy = JMX.newMXBeanProxy(managed.server, runtimeName(), RingKernelRuntimeMXBean.class);

        assertThat(proxy.getBackends()).anySatisfy(backend -> {
            assertThat(backend.getType()).isEqualTo("CPU");
            assertThat(backend.isAvailable()).isTrue();
        });
    }

    @Test
    void shouldListKernelIdsAndDefinitionIds() {
        managed.launch("b");
        managed.launch("a");

        assertThat((String[]) managed.attribute(runtimeName(), "KernelIds")).containsExactly("a", "b");
        assertThat((String[]) managed.attribute(runtimeName(), "DefinitionIds")).containsExactly(ConformanceKernel.ID);
    }

    @Test
    void shouldCountKernelsByStateListingEveryState() {
        managed.launch("a");
        managed.launch("b").deactivate();

        Map<String, Integer> byState = kernelsByState();

        assertThat(byState).containsEntry("ACTIVE", 1).containsEntry("DEACTIVATED", 1)
                .containsEntry("TERMINATED", 0).hasSize(7);
    }

    private Map<String, Integer> kernelsByState() {
        TabularData table = (TabularData) managed.attribute(runtimeName(), "KernelsByState");
        return table.values().stream().map(CompositeData.class::cast)
                .collect(Collectors.toMap(row -> (String) row.get("key"), row -> (Integer) row.get("value")));
    }

    @Test
    void shouldSumMessageCountersOverAllKernels() {
        ping(managed.launch("a"), 3);
        ping(managed.launch("b"), 2);

        assertThat(managed.attributeBecomes(runtimeName(), "TotalMessagesIn", 5L)).isTrue();
        assertThat(managed.attributeBecomes(runtimeName(), "TotalMessagesOut", 5L)).isTrue();
        assertThat(managed.attributeBecomes(runtimeName(), "TotalProcessed", 5L)).isTrue();
        assertThat(managed.attribute(runtimeName(), "TotalDropped")).isEqualTo(0L);
        assertThat(managed.attribute(runtimeName(), "TotalErrors")).isEqualTo(0L);
    }

    @Test
    void shouldLaunchActiveKernelAndRegisterItsBeanAtOnce() throws Exception {
        managed.invoke(runtimeName(), "launch", "x", ConformanceKernel.ID);

        KernelHandle kernel = managed.runtime.kernel("x");
        assertThat(kernel.status()).hasToString("ACTIVE");
        assertThat(managed.server.isRegistered(kernelName("x"))).isTrue();
    }

    @Test
    void shouldLaunchTheDefinitionNamedByTheKernelIdWhenDefinitionIdIsBlank() throws Exception {
        managed.invoke(runtimeName(), "launch", ConformanceKernel.ID, "");

        assertThat(managed.attribute(kernelName(ConformanceKernel.ID), "Status")).isEqualTo("ACTIVE");
    }

    @Test
    void shouldChangeKernelStateThroughRuntimeOperations() throws Exception {
        managed.launch("a");

        managed.invoke(runtimeName(), "deactivate", "a");
        assertThat(managed.runtime.status("a")).hasToString("DEACTIVATED");
        managed.invoke(runtimeName(), "activate", "a");
        assertThat(managed.runtime.status("a")).hasToString("ACTIVE");
        managed.invoke(runtimeName(), "terminate", "a");
        assertThat(managed.runtime.status("a")).hasToString("TERMINATED");
    }

    @Test
    void shouldRejectTerminateOfUnknownKernelAsIllegalArgumentWithTheRuntimesMessage() {
        assertThatThrownBy(() -> managed.invoke(runtimeName(), "terminate", "nope"))
                .isInstanceOf(RuntimeMBeanException.class)
                .cause().isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("no kernel with id 'nope'").hasNoCause();
    }

    @Test
    void shouldRejectLaunchOfUnknownDefinitionAsIllegalArgument() {
        assertThatThrownBy(() -> managed.invoke(runtimeName(), "launch", "x", "missing"))
                .cause().isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("no kernel definition with id 'missing'");
    }

    @Test
    void shouldRejectLaunchOverALiveKernelAsIllegalStateWithTheRuntimesMessage() {
        managed.launch("x");
        String expected = catchThrowable(() -> managed.launch("x")).getMessage();

        assertThatThrownBy(() -> managed.invoke(runtimeName(), "launch", "x", ConformanceKernel.ID))
                .cause().isExactlyInstanceOf(IllegalStateException.class).hasMessage(expected);
    }

    @Test
    void shouldThrowTheJdkExceptionItselfThroughAnMXBeanProxy() {
        RingKernelRuntimeMXBean proxy = JMX.newMXBeanProxy(managed.server, runtimeName(), RingKernelRuntimeMXBean.class);

        assertThatThrownBy(() -> proxy.terminate("nope"))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("no kernel with id 'nope'");
    }
}
