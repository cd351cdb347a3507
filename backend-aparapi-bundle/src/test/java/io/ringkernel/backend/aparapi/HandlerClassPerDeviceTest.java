package io.ringkernel.backend.aparapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelLaunchException;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Aparapi runs every instance of a handler class on one device per JVM, so a kernel of a class
 * that runs on one device is refused on another, with the reason, until those kernels are gone.
 */
class HandlerClassPerDeviceTest {
    private static final LaunchOptions READINGS = LaunchOptions.defaults().withDefinition(TestKernels.ID);

    @Test
    void shouldRefuseASecondDeviceForAHandlerClassWhileTheFirstRunsIt() {
        int openCl = AparapiDevicesUnderTest.openCl();
        RingKernelRuntime onOpenCl = TestKernels.runtime(openCl, SummaryHandler.class);
        RingKernelRuntime onThreadPool = TestKernels.runtime(AparapiDevicesUnderTest.threadPool(), SummaryHandler.class);
        try {
            KernelHandle first = onOpenCl.launch("first", READINGS);
            KernelHandle second = onOpenCl.launch("second", READINGS);
            assertThatThrownBy(() -> onThreadPool.launch("elsewhere", READINGS))
                    .isInstanceOf(KernelLaunchException.class)
                    .hasMessageContaining("Aparapi runs every instance of a handler class on one device, and "
                            + SummaryHandler.class.getName() + " already runs on "
                            + AparapiDevicesUnderTest.BACKEND.devices().get(openCl).name());
            first.terminate();
            assertThatThrownBy(() -> onThreadPool.launch("elsewhere", READINGS)).isInstanceOf(KernelLaunchException.class);
            second.terminate();
            KernelHandle moved = onThreadPool.launch("elsewhere", READINGS);
            assertThat(moved.call(new Reading(1, true, 1, new float[] {2}, (short) 0, 'a'), Summary.class,
                    Duration.ofSeconds(10)).total()).isEqualTo(3);
            assertThat(moved.metrics().device().name()).isEqualTo(AparapiDevices.THREAD_POOL_NAME);
        } finally {
            onOpenCl.shutdown();
            onThreadPool.shutdown();
        }
    }
}
