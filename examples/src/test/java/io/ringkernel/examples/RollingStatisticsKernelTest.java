package io.ringkernel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RollingStatisticsKernelTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void shouldKeepRunningStatisticsPerSensorAndFlagOutliers() {
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().build()) {
            KernelHandle stats = runtime.launch(RollingStatisticsKernel.ID, LaunchOptions.defaults());
            SensorStatistics last = null;
            for (int i = 0; i < 100; i++) {
                last = stats.call(new SensorReading(1, i % 2 == 0 ? 9.0 : 11.0), SensorStatistics.class, TIMEOUT);
                assertThat(last.anomaly()).isFalse();
            }
            assertThat(last.count()).isEqualTo(100);
            assertThat(last.mean()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(last.standardDeviation()).isCloseTo(1.005, org.assertj.core.data.Offset.offset(1e-3));
            SensorStatistics spike = stats.call(new SensorReading(1, 30.0), SensorStatistics.class, TIMEOUT);
            assertThat(spike.anomaly()).isTrue();
            SensorStatistics otherSensor = stats.call(new SensorReading(2, 30.0), SensorStatistics.class, TIMEOUT);
            assertThat(otherSensor.count()).isEqualTo(1);
            assertThat(otherSensor.anomaly()).isFalse();
        }
    }
}
