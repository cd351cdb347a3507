package io.ringkernel.backend.aparapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.RuntimeConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the backend says of itself and of the devices it found. */
class AparapiBackendTest {
    private final AparapiBackend backend = AparapiDevicesUnderTest.BACKEND;

    @Test
    void shouldAlwaysOfferTheJavaThreadPoolAsItsLastDevice() {
        List<DeviceInfo> devices = backend.devices();
        assertThat(backend.type()).isEqualTo(BackendType.APARAPI);
        assertThat(backend.availability().available()).isTrue();
        assertThat(devices.get(devices.size() - 1).name()).isEqualTo(AparapiDevices.THREAD_POOL_NAME);
        assertThat(devices.get(devices.size() - 1).computeUnits()).isEqualTo(Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < devices.size(); i++) {
            assertThat(devices.get(i).index()).isEqualTo(i);
        }
    }

    @Test
    void shouldNameItsOpenClDevicesAsSuchAndRankBelowTheCpuBackendWithoutAGpu() {
        int openCl = AparapiDevicesUnderTest.openCl();
        DeviceInfo device = backend.devices().get(openCl);
        assertThat(device.name()).endsWith(" (Aparapi, OpenCL)");
        assertThat(device.version()).startsWith("OpenCL");
        assertThat(backend.openClProblem()).isEmpty();
        boolean gpu = AparapiDevices.discover().devices().stream().anyMatch(AparapiDevice::accelerator);
        assertThat(backend.priority()).isEqualTo(gpu ? AparapiBackend.PRIORITY : AparapiBackend.CPU_ONLY_PRIORITY);
    }

    @Test
    void shouldRunEventDrivenOnly() {
        assertThat(backend.modes()).isEqualTo(Set.of(LaunchMode.EVENT_DRIVEN));
        assertThat(backend.defaultMode()).isEqualTo(LaunchMode.EVENT_DRIVEN);
    }

    @Test
    void shouldRefuseADeviceIndexItDoesNotHave() {
        int count = backend.devices().size();
        assertThatThrownBy(() -> backend.open(count, RuntimeConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Aparapi has " + count + " device(s) here, asked for index " + count);
    }
}
