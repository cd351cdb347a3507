package io.ringkernel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeConfigPropertiesTest {

    @Test
    void shouldKeepEverySettingWhosePropertyIsAbsent() {
        RuntimeConfig defaults = RuntimeConfig.defaults();

        assertThat(RuntimeConfigProperties.read(defaults, name -> null)).isEqualTo(defaults);
    }

    @Test
    void shouldTakeEachSettingFromItsProperty() {
        Map<String, String> properties = Map.of("ringkernel.defaultQueueCapacity", "1024", "ringkernel.maxMessageSize", "4096",
                "ringkernel.slotSize", "256", "ringkernel.terminationTimeout", "PT2S", "ringkernel.sendTimeout", " 250 ",
                "ringkernel.telemetryEnabled", "false", "ringkernel.cpuWorkerThreads", "3", "ringkernel.hotSwapGrace", "0",
                "ringkernel.maxKernels", "500", "ringkernel.maxQueueBytes", "8589934592");

        RuntimeConfig config = RuntimeConfigProperties.read(RuntimeConfig.defaults(), properties::get);

        assertThat(config).isEqualTo(new RuntimeConfig(1024, 4096, 256, RuntimeConfig.defaults().bridgePollInterval(),
                Duration.ofSeconds(2), Duration.ofMillis(250), false, 3, Duration.ZERO, 500, 8L << 30));
        assertThat(RuntimeConfigProperties.names()).containsExactlyInAnyOrderElementsOf(properties.keySet());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "ringkernel.maxKernels | lots | ringkernel.maxKernels=lots is not a whole number",
            "ringkernel.maxKernels | 0 | ringkernel.maxKernels=0 is refused: maxKernels must be >= 1, got 0",
            "ringkernel.slotSize | 100 | ringkernel.slotSize=100 is refused: slotSize must be a positive power of two, got 100",
            "ringkernel.sendTimeout | 5 s | ringkernel.sendTimeout=5 s is refused: not milliseconds nor an ISO-8601 duration such as PT0.25S",
            "ringkernel.terminationTimeout | PT0S | ringkernel.terminationTimeout=PT0S is refused: terminationTimeout must be a positive duration, got PT0S",
            "ringkernel.telemetryEnabled | yes | ringkernel.telemetryEnabled=yes is refused: not true or false",
            "ringkernel.maxQueueBytes | 64 | ringkernel.maxQueueBytes=64 is refused: maxQueueBytes must hold at least one slot of 128 B, got 64"})
    void shouldNameThePropertyItsValueAndWhyForAValueItCannotTake(String property, String value, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RuntimeConfigProperties.read(RuntimeConfig.defaults(), Map.of(property, value)::get))
                .withMessage(message);
    }
}
