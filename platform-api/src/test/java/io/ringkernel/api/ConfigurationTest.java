package io.ringkernel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void shouldDefaultToTheReferenceValues() {
        RuntimeConfig config = RuntimeConfig.defaults();
        assertThat(config.defaultQueueCapacity()).isEqualTo(4096);
        assertThat(config.maxMessageSize()).isEqualTo(65_792);
        assertThat(config.bridgePollInterval()).isEqualTo(Duration.ofNanos(100_000));
        assertThat(config.terminationTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.telemetryEnabled()).isTrue();
        assertThat(config.slotSize()).isEqualTo(128);
    }

    @Test
    void shouldNameTheSettingThatIsWrong() {
        RuntimeConfig config = RuntimeConfig.defaults();
        assertThatThrownBy(() -> config.withDefaultQueueCapacity(1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("defaultQueueCapacity must be a positive power of two, got 1000");
        assertThatThrownBy(() -> config.withSlotSize(32)).hasMessageContaining("slotSize must be >= 64");
        assertThatThrownBy(() -> config.withTerminationTimeout(Duration.ZERO)).hasMessageContaining("terminationTimeout");
        assertThatThrownBy(() -> config.withSendTimeout(Duration.ofMillis(-1))).hasMessageContaining("sendTimeout");
        assertThatThrownBy(() -> config.withCpuWorkerThreads(0)).hasMessageContaining("cpuWorkerThreads");
        assertThatThrownBy(() -> config.withMaxMessageSize(10)).hasMessageContaining("maxMessageSize");
    }

    @Test
    void shouldChangeOneSettingPerWither() {
        RuntimeConfig config = RuntimeConfig.defaults().withDefaultQueueCapacity(64).withSendTimeout(Duration.ZERO);
        assertThat(config.defaultQueueCapacity()).isEqualTo(64);
        assertThat(config.sendTimeout()).isZero();
        assertThat(config.maxMessageSize()).isEqualTo(RuntimeConfig.DEFAULT_MAX_MESSAGE_SIZE);
    }

    @Test
    void shouldLeaveLaunchOptionsAtDefaultsUntilSet() {
        LaunchOptions options = LaunchOptions.defaults();
        assertThat(options.autoActivate()).isTrue();
        assertThat(options.mode()).isNull();
        assertThat(options.inputCapacity()).isZero();
        LaunchOptions set = options.withQueueCapacity(32).withMode(LaunchMode.EVENT_DRIVEN).withAutoActivate(false);
        assertThat(set.inputCapacity()).isEqualTo(32);
        assertThat(set.outputCapacity()).isEqualTo(32);
        assertThat(set.mode()).isEqualTo(LaunchMode.EVENT_DRIVEN);
        assertThat(set.autoActivate()).isFalse();
        assertThatThrownBy(() -> options.withInputCapacity(3)).hasMessageContaining("inputCapacity");
        assertThatThrownBy(() -> options.withMaxMessageSize(12)).hasMessageContaining("maxMessageSize");
    }

    @Test
    void shouldRejectEmptyExtents() {
        assertThat(Dim3.of(32).volume()).isEqualTo(32);
        assertThatThrownBy(() -> new Dim3(1, 0, 1)).hasMessageContaining("1x0x1");
    }

    @Test
    void shouldOrderTimestampsByPhysicalThenLogicalThenNode() {
        assertThat(new HlcTimestamp(1, 5, 9)).isLessThan(new HlcTimestamp(2, 0, 0));
        assertThat(new HlcTimestamp(2, 1, 9)).isLessThan(new HlcTimestamp(2, 2, 0));
        assertThat(new HlcTimestamp(2, 2, 1)).isLessThan(new HlcTimestamp(2, 2, 3));
    }

    @Test
    void shouldMapWireCodesBothWays() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ErrorCode.fromWire(code.wireCode())).isEqualTo(code);
        }
        assertThat(ErrorCode.fromWire(999)).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
    }
}
