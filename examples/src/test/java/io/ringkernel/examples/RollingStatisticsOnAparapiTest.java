package io.ringkernel.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.backend.aparapi.AparapiBackend;
import io.ringkernel.conformance.BackendPresence;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rolling-statistics kernel's Aparapi handler, written in Java, answers as its Java handler
 * does: translated to OpenCL on the first OpenCL device, and on Aparapi's Java thread pool.
 */
class RollingStatisticsOnAparapiTest {
    private static final AparapiBackend APARAPI = new AparapiBackend();

    private RingKernelRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.shutdown();
        }
    }

    private RingKernelRuntime runtimeOn(int device) {
        runtime = RingKernelRuntime.builder().device(device).build();
        return runtime;
    }

    @Test
    void shouldMatchTheJavaHandlerWhenTranslatedToOpenCl() {
        BackendPresence.require(BackendType.OPENCL, APARAPI.devices().size() > 1,
                "Aparapi has no OpenCL device here: " + APARAPI.openClProblem());
        RollingStatisticsComparison.assertDeviceMatchesJava(runtimeOn(0), BackendType.APARAPI);
    }

    @Test
    void shouldMatchTheJavaHandlerOnTheJavaThreadPool() {
        RollingStatisticsComparison.assertDeviceMatchesJava(runtimeOn(APARAPI.devices().size() - 1),
                BackendType.APARAPI);
    }

    @Test
    void shouldAnswerASensorBeyondTheTableWithAnErrorAndKeepTheOthers() {
        KernelHandle stats = runtimeOn(APARAPI.devices().size() - 1).launch("stats", LaunchOptions.defaults()
                .withDefinition(RollingStatisticsKernel.ID).withBackend(BackendType.APARAPI));
        Duration timeout = Duration.ofSeconds(20);
        for (int sensor = 0; sensor < RollingStatisticsKernel.DEVICE_SENSORS; sensor++) {
            stats.send(new SensorReading(sensor, sensor));
        }
        for (int sensor = 0; sensor < RollingStatisticsKernel.DEVICE_SENSORS; sensor++) {
            assertThat(stats.receive(timeout).payload(SensorStatistics.class).count()).isEqualTo(1);
        }
        assertThatThrownBy(() -> stats.call(new SensorReading(-1, 0), SensorStatistics.class, timeout))
                .isInstanceOfSatisfying(KernelErrorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.HANDLER_FAILED);
                    assertThat(e.getMessage()).contains("more than 1024 sensors");
                });
        assertThat(stats.call(new SensorReading(7, 1), SensorStatistics.class, timeout).count()).isEqualTo(2);
    }
}
