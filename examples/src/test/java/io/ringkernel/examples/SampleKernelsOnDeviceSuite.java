package io.ringkernel.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.BackendPresence;
import io.ringkernel.spi.Backend;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample kernels' device handlers answer as their Java handlers do; one subclass per device
 * backend. Skipped, with the reason, where the backend cannot run.
 */
abstract class SampleKernelsOnDeviceSuite {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private RingKernelRuntime runtime;

    /** @return the device backend under test */
    abstract Backend backend();

    @BeforeEach
    void start() {
        BackendPresence.require(backend());
        runtime = RingKernelRuntime.builder().build();
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.shutdown();
        }
    }

    @Test
    void shouldEchoKryoGreetingsOnTheDevice() {
        KernelHandle echo = runtime.launch("echo-device", on(backend().type(), EchoKernel.ID));
        assertThat(echo.metrics().backend()).isEqualTo(backend().type());
        for (String text : new String[] {"", "hello", "grüße ✓", "x".repeat(2_000)}) {
            assertThat(echo.call(new Greeting(text), Greeting.class, TIMEOUT)).isEqualTo(new Greeting(text));
        }
    }

    @Test
    void shouldKeepTheSameRollingStatisticsAndAnomalyFlagsAsTheJavaHandler() {
        KernelHandle device = runtime.launch("stats-device", on(backend().type(), RollingStatisticsKernel.ID));
        KernelHandle java = runtime.launch("stats-java", on(BackendType.CPU, RollingStatisticsKernel.ID));
        Random random = new Random(42);
        int anomalies = 0;
        for (int i = 0; i < 2_000; i++) {
            long sensor = random.nextInt(40) - 20;
            double value = 20 + random.nextGaussian() + (random.nextInt(100) == 0 ? 15 : 0);
            if (i % 500 == 0) {
                device.deactivate();
                for (int queued = 0; queued < 50; queued++) {
                    device.send(new SensorReading(sensor, value));
                    java.call(new SensorReading(sensor, value), SensorStatistics.class, TIMEOUT);
                }
                device.activate();
                for (int queued = 0; queued < 50; queued++) {
                    device.receive(TIMEOUT);
                }
            }
            SensorStatistics expected = java.call(new SensorReading(sensor, value), SensorStatistics.class, TIMEOUT);
            SensorStatistics actual = device.call(new SensorReading(sensor, value), SensorStatistics.class, TIMEOUT);
            assertThat(actual.sensorId()).isEqualTo(expected.sensorId());
            assertThat(actual.count()).isEqualTo(expected.count());
            assertThat(actual.mean()).isCloseTo(expected.mean(), within(1e-9));
            assertThat(actual.standardDeviation()).isCloseTo(expected.standardDeviation(), within(1e-9));
            assertThat(actual.anomaly()).as("anomaly flag of reading %d", i).isEqualTo(expected.anomaly());
            anomalies += actual.anomaly() ? 1 : 0;
        }
        assertThat(anomalies).as("the stream has outliers the kernels flag").isPositive();
        assertThat(device.metrics().backend()).isEqualTo(backend().type());
    }

    private static LaunchOptions on(BackendType backend, String definition) {
        return LaunchOptions.defaults().withDefinition(definition).withBackend(backend);
    }
}
