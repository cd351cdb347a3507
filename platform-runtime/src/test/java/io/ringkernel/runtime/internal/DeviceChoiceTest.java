package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.BackendType;
import io.ringkernel.api.BackendUnavailableException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import io.ringkernel.spi.RuntimeSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which device each backend runs kernels on: the builder's one index for every backend, or a
 * {@code ringkernel.device.<TYPE>} property per backend type, which never falls back to another
 * device.
 */
@Timeout(30)
class DeviceChoiceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String OPENCL_DEVICE = "ringkernel.device.OPENCL";

    @Test
    void shouldOpenTheBuildersDeviceWhereTheBackendHasItAndDeviceZeroElsewhere() {
        ObservedCpuBackend twoDevices = new ObservedCpuBackend(BackendType.OPENCL, 1, 2);
        DeviceChoice choice = DeviceChoice.everyBackend(1);
        assertThat(choice.index(BackendType.OPENCL, 2)).isEqualTo(1);
        assertThat(choice.index(BackendType.CPU, 1)).isZero();
        assertThat(choice.problem(BackendType.OPENCL, twoDevices.devices())).isEmpty();
        assertThat(choice.problem(BackendType.CUDA, List.of())).isEmpty();
    }

    @Test
    void shouldTakeEachDeviceBackendsDeviceFromItsPropertyAndIgnoreTheCpus() {
        DeviceChoice choice = DeviceChoice.everyBackend(0).withProperties(Map.of(OPENCL_DEVICE, " 1 ",
                "ringkernel.device.CPU", "3", "ringkernel.device.AUTO", "3")::get);
        assertThat(choice.chosenBy(BackendType.OPENCL)).isEqualTo("ringkernel.device.OPENCL=1");
        assertThat(choice.index(BackendType.OPENCL, 2)).isEqualTo(1);
        assertThat(choice.chosenBy(BackendType.CPU)).isEmpty();
        assertThat(choice.index(BackendType.CPU, 1)).isZero();
        assertThat(choice.chosenBy(BackendType.APARAPI)).isEmpty();
        assertThat(choice.index(BackendType.APARAPI, 2)).isZero();
    }

    @Test
    void shouldRunKernelsLaunchedOnTheBackendOnTheChosenDevice() {
        DefaultRingKernelRuntime runtime = runtime("1");
        try {
            runtime.addBackend(new ObservedCpuBackend(BackendType.OPENCL, 1, 2), 0);
            KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));

            assertThat(kernel.metrics().backend()).isEqualTo(BackendType.OPENCL);
            assertThat(kernel.metrics().device().index()).isEqualTo(1);
            assertThat(kernel.metrics().device().name()).isEqualTo("device 1");
            assertThat(kernel.call(new Ping(1, 2), Ping.class, TIMEOUT)).isEqualTo(new Ping(1, 2));
        } finally {
            runtime.shutdown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"two", "-1", "2"})
    void shouldListTheBackendUnavailableWithTheReasonWhenItsPropertyNamesNoDevice(String value) {
        DefaultRingKernelRuntime runtime = runtime(value);
        try {
            runtime.addBackend(new ObservedCpuBackend(BackendType.OPENCL, 1, 2), 0);
            String reason = OPENCL_DEVICE + "=" + value + " does not name a device of the OPENCL backend: "
                    + "give an index from 0 to 1 (0: Java worker pool, 1: device 1)";

            assertThat(runtime.backends()).filteredOn(info -> info.type() == BackendType.OPENCL)
                    .singleElement().satisfies(info -> {
                        assertThat(info.available()).isFalse();
                        assertThat(info.unavailableReason()).isEqualTo(reason);
                        assertThat(info.devices()).isEmpty();
                    });
            assertThatThrownBy(() -> runtime.launch("k", LaunchOptions.defaults()
                    .withDefinition(ConformanceKernel.ID).withBackend(BackendType.OPENCL)))
                    .isInstanceOf(BackendUnavailableException.class).hasMessageContaining(reason);
            KernelHandle elsewhere = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));
            assertThat(elsewhere.metrics().backend()).as("AUTO passes the backend by").isEqualTo(BackendType.CPU);
            assertThat(runtime.backends()).extracting(BackendInfo::type).contains(BackendType.OPENCL);
        } finally {
            runtime.shutdown();
        }
    }

    /** @return a runtime with the conformance kernel whose OpenCL device the property's value chooses */
    private static DefaultRingKernelRuntime runtime(String openClDevice) {
        RuntimeSpec spec = new RuntimeSpec(BackendType.AUTO, 0, RuntimeConfig.defaults(), List.of(),
                List.of(new FixedLayoutSerializer()), List.of(new ConformanceKernel()));
        return new DefaultRingKernelRuntime(spec,
                DeviceChoice.everyBackend(spec.device()).withProperties(Map.of(OPENCL_DEVICE, openClDevice)::get));
    }
}
