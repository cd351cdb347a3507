package io.ringkernel.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Drives the rolling-statistics kernel on a device backend and on the CPU backend with the same readings. */
final class RollingStatisticsComparison {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private RollingStatisticsComparison() {
    }

    /**
     * Sends 2,000 readings of 40 sensors, with outliers, to both kernels, one call at a time and
     * every 500 readings 50 of them queued while the device kernel is deactivated (so they arrive
     * as one batch), and checks that each answer matches the Java handler's.
     *
     * @param runtime a runtime with the rolling-statistics definition and both backends
     * @param device the device backend under test
     */
    static void assertDeviceMatchesJava(RingKernelRuntime runtime, BackendType device) {
        KernelHandle onDevice = runtime.launch("stats-device", on(device));
        KernelHandle java = runtime.launch("stats-java", on(BackendType.CPU));
        Random random = new Random(42);
        int anomalies = 0;
        for (int i = 0; i < 2_000; i++) {
            long sensor = random.nextInt(40) - 20;
            double value = 20 + random.nextGaussian() + (random.nextInt(100) == 0 ? 15 : 0);
            if (i % 500 == 0) {
                onDevice.deactivate();
                List<SensorStatistics> expected = new ArrayList<>();
                for (int queued = 0; queued < 50; queued++) {
                    onDevice.send(new SensorReading(sensor, value));
                    expected.add(java.call(new SensorReading(sensor, value), SensorStatistics.class, TIMEOUT));
                }
                onDevice.activate();
                for (SensorStatistics statistics : expected) {
                    assertMatches(onDevice.receive(TIMEOUT).payload(SensorStatistics.class), statistics, i);
                }
            }
            SensorStatistics expected = java.call(new SensorReading(sensor, value), SensorStatistics.class, TIMEOUT);
            SensorStatistics actual = onDevice.call(new SensorReading(sensor, value), SensorStatistics.class, TIMEOUT);
            assertMatches(actual, expected, i);
            anomalies += actual.anomaly() ? 1 : 0;
        }
        assertThat(anomalies).as("the stream has outliers the kernels flag").isPositive();
        assertThat(onDevice.metrics().backend()).isEqualTo(device);
    }

    private static void assertMatches(SensorStatistics actual, SensorStatistics expected, int reading) {
        assertThat(actual.sensorId()).isEqualTo(expected.sensorId());
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.mean()).isCloseTo(expected.mean(), within(1e-9));
        assertThat(actual.standardDeviation()).isCloseTo(expected.standardDeviation(), within(1e-9));
        assertThat(actual.anomaly()).as("anomaly flag of reading %d", reading).isEqualTo(expected.anomaly());
    }

    private static LaunchOptions on(BackendType backend) {
        return LaunchOptions.defaults().withDefinition(RollingStatisticsKernel.ID).withBackend(backend);
    }
}
