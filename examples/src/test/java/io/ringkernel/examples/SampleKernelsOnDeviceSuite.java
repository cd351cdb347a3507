package io.ringkernel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.BackendPresence;
import io.ringkernel.spi.Backend;
import java.time.Duration;
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
        RollingStatisticsComparison.assertDeviceMatchesJava(runtime, backend().type());
    }

    private static LaunchOptions on(BackendType backend, String definition) {
        return LaunchOptions.defaults().withDefinition(definition).withBackend(backend);
    }
}
