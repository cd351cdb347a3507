package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.ResourceLimitException;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The runtime's limits refuse a launch with a typed error naming the limit, and the runtime goes on. */
class ResourceLimitsTest {
    private static final LaunchOptions CONFORMANCE = LaunchOptions.defaults().withDefinition(ConformanceKernel.ID);

    private static RingKernelRuntime runtime(RuntimeConfig config) {
        return RingKernelRuntime.builder().config(config).addKernel(new ConformanceKernel()).build();
    }

    @Test
    void shouldRefuseAKernelBeyondTheMostAliveAtOnceUntilOneTerminates() {
        try (RingKernelRuntime runtime = runtime(RuntimeConfig.defaults().withMaxKernels(2))) {
            KernelHandle first = runtime.launch("a", CONFORMANCE);
            runtime.launch("b", CONFORMANCE);
            assertThatThrownBy(() -> runtime.launch("c", CONFORMANCE))
                    .isInstanceOfSatisfying(ResourceLimitException.class, e -> assertThat(e.limit()).isEqualTo("maxKernels"))
                    .hasMessage("cannot launch kernel 'c': 2 kernels are alive, the runtime's limit (maxKernels) is 2");
            assertThat(runtime.listKernels()).containsExactlyInAnyOrder("a", "b");
            first.terminate();
            KernelHandle third = runtime.launch("c", CONFORMANCE);
            assertThat(third.call(new Ping(1, 0), Ping.class, Duration.ofSeconds(5))).isEqualTo(new Ping(1, 0));
        }
    }

    @Test
    void shouldRefuseAQueueLargerThanTheMostBytesAQueueMayTake() {
        try (RingKernelRuntime runtime = runtime(RuntimeConfig.defaults().withMaxQueueBytes(1L << 20))) {
            assertThatThrownBy(() -> runtime.launch("big", CONFORMANCE.withInputCapacity(16_384)))
                    .isInstanceOfSatisfying(ResourceLimitException.class,
                            e -> assertThat(e.limit()).isEqualTo("maxQueueBytes"))
                    .hasMessage("cannot launch kernel 'big': its input queue of 16384 slots of 128 B takes 2097152 B, "
                            + "more than the runtime's limit (maxQueueBytes) of 1048576 B");
            assertThatThrownBy(() -> runtime.launch("big", CONFORMANCE.withInputCapacity(1_024)
                    .withOutputCapacity(16_384))).hasMessageContaining("its output queue of 16384 slots");
            assertThat(runtime.listKernels()).isEmpty();
            KernelHandle fits = runtime.launch("fits", CONFORMANCE.withInputCapacity(8_192).withOutputCapacity(8_192));
            assertThat(fits.call(new Ping(2, 0), Ping.class, Duration.ofSeconds(5))).isEqualTo(new Ping(2, 0));
        }
    }

    @Test
    void shouldRejectLimitsThatAllowNothing() {
        assertThatThrownBy(() -> RuntimeConfig.defaults().withMaxKernels(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxKernels must be >= 1, got 0");
        assertThatThrownBy(() -> RuntimeConfig.defaults().withMaxQueueBytes(64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxQueueBytes must hold at least one slot of 128 B, got 64");
    }
}
