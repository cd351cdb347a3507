package io.ringkernel.management;

import static io.ringkernel.management.ManagedRuntime.kernelName;
import static io.ringkernel.management.ManagedRuntime.ping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ringkernel.api.KernelHandle;

import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KernelMXBeanTest {
    private final ManagedRuntime managed = new ManagedRuntime();

    @AfterEach
    void close() {
        managed.close();
    }

    @Test
    void shouldRegisterKernelBeanOnRefreshAfterLaunch() {
        managed.launch("k");
        assertThat(managed.server.isRegistered(kernelName("k"))).isFalse();

        managed.mbeans.refresh();

        assertThat(managed.server.isRegistered(kernelName("k"))).isTrue();
        assertThat(managed.attribute(kernelName("k"), "KernelId")).isEqualTo("k");
    }

    @Test
    void shouldQuoteKernelIdsThatAreNotValidObjectNameValues() {
        String id = "sensor=1, \"hall\":*";
        managed.launch(id);

        managed.mbeans.refresh();

        ObjectName name = kernelName(id);
        assertThat(ObjectName.unquote(name.getKeyProperty("name"))).isEqualTo(id);
        assertThat(managed.attribute(name, "KernelId")).isEqualTo(id);
    }

    @Test
    void shouldKeepTerminatedKernelBeanShowingTerminatedWhileTheRuntimeListsIt() throws Exception {
        managed.launch("k");
        managed.mbeans.refresh();

        managed.invoke(kernelName("k"), "terminate");
        managed.mbeans.refresh();

        assertThat(managed.attribute(kernelName("k"), "Status")).isEqualTo("TERMINATED");
    }

    @Test
    void shouldShowBackendModeDeviceAndUptime() {
        managed.launch("k");
        managed.mbeans.refresh();

        assertThat(managed.attribute(kernelName("k"), "Backend")).isEqualTo("CPU");
        assertThat((String) managed.attribute(kernelName("k"), "Mode")).isNotEmpty();
        assertThat((String) managed.attribute(kernelName("k"), "DeviceName")).isNotEmpty();
        assertThat((Double) managed.attribute(kernelName("k"), "UptimeSeconds")).isPositive();
        assertThat(managed.attribute(kernelName("k"), "LastError")).isEqualTo("");
    }

    @Test
    void shouldReadCountersAfreshOnEveryRead() {
        KernelHandle kernel = managed.launch("k");
        managed.mbeans.refresh();
        assertThat(managed.attribute(kernelName("k"), "MessagesIn")).isEqualTo(0L);

        ping(kernel, 10);

        assertThat(managed.attributeBecomes(kernelName("k"), "MessagesIn", 10L)).isTrue();
        assertThat(managed.attributeBecomes(kernelName("k"), "MessagesOut", 10L)).isTrue();
        assertThat(managed.attributeBecomes(kernelName("k"), "Processed", 10L)).isTrue();
        assertThat(managed.attribute(kernelName("k"), "Dropped")).isEqualTo(0L);
        assertThat(managed.attribute(kernelName("k"), "Errors")).isEqualTo(0L);
        assertThat(managed.attribute(kernelName("k"), "LateReplies")).isEqualTo(0L);
        assertThat(managed.attribute(kernelName("k"), "InputDepth")).isEqualTo(0L);
        assertThat(managed.attribute(kernelName("k"), "OutputDepth")).isEqualTo(0L);
        assertThat((Double) managed.attribute(kernelName("k"), "Throughput")).isPositive();
    }

    @Test
    void shouldReportOrderedPositiveLatencyPercentilesInMicrosecondsAfterCalls() {
        ping(managed.launch("k"), 100);
        managed.mbeans.refresh();

        double p50 = (Double) managed.attribute(kernelName("k"), "LatencyP50Micros");
        double p99 = (Double) managed.attribute(kernelName("k"), "LatencyP99Micros");
        double p999 = (Double) managed.attribute(kernelName("k"), "LatencyP999Micros");
        double max = (Double) managed.attribute(kernelName("k"), "LatencyMaxMicros");

        assertThat(p50).isPositive();
        assertThat(p99).isGreaterThanOrEqualTo(p50);
        assertThat(p999).isGreaterThanOrEqualTo(p99);
        assertThat(max).isGreaterThanOrEqualTo(p999);
    }

    @Test
    void shouldDeactivateAndActivateThroughOperations() throws Exception {
        managed.launch("k");
        managed.mbeans.refresh();

        managed.invoke(kernelName("k"), "deactivate");
        assertThat(managed.attribute(kernelName("k"), "Status")).isEqualTo("DEACTIVATED");

        managed.invoke(kernelName("k"), "activate");
        assertThat(managed.attribute(kernelName("k"), "Status")).isEqualTo("ACTIVE");
    }

    @Test
    void shouldRejectAnIllegalTransitionAsIllegalStateWithTheRuntimesMessage() {
        managed.launch("k").deactivate();
        managed.mbeans.refresh();
        String expected = catchThrowable(() -> managed.runtime.deactivate("k")).getMessage();

        assertThatThrownBy(() -> managed.invoke(kernelName("k"), "deactivate"))
                .cause().isExactlyInstanceOf(IllegalStateException.class).hasMessage(expected);
    }
}
