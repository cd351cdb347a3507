package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RestartPolicy;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A kernel's restart policy: a failed kernel is restarted up to N times in a window, then stays FAILED. */
@Timeout(30)
class SupervisionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final LaunchOptions CONFORMANCE = LaunchOptions.defaults().withDefinition(ConformanceKernel.ID);

    private static void awaitMetrics(KernelHandle kernel, Predicate<KernelMetrics> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.test(kernel.metrics())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("kernel '" + kernel.id() + "' never reached the expected state: "
                        + kernel.metrics());
            }
            Thread.sleep(5);
        }
    }

    private static RingKernelRuntime faultable(ObservedCpuBackend backend) {
        return RingKernelRuntime.builder().backend(BackendType.OPENCL).addBackend(backend)
                .addKernel(new ConformanceKernel()).build();
    }

    @Test
    void shouldRestartAFailedKernelOnItsQueuesAndLeaveItInactiveAsItWas() throws Exception {
        ObservedCpuBackend backend = new ObservedCpuBackend(BackendType.OPENCL, 1);
        try (RingKernelRuntime runtime = faultable(backend)) {
            KernelHandle kernel = runtime.launch("k", CONFORMANCE
                    .withRestartPolicy(RestartPolicy.onFailure(2, Duration.ofMinutes(1))));
            assertThat(kernel.call(new Ping(1, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(1, 0));
            kernel.deactivate();
            CompletableFuture<Object> waiting = kernel.callAsync(new Ping(2, 0), TIMEOUT);
            backend.resources().signals().failed(new IllegalStateException("device lost"));

            assertThatThrownBy(waiting::get).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfSatisfying(KernelErrorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_FAULT));
            awaitMetrics(kernel, metrics -> metrics.status() == KernelStatus.LAUNCHED && metrics.restarts() == 1);
            assertThat(kernel.metrics().dropped()).as("the failed call's message, dropped from the queue").isEqualTo(1);
            kernel.activate();
            assertThat(kernel.call(new Ping(3, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(3, 0));
            assertThat(kernel.metrics().lastError()).contains("device lost");
            assertThat(runtime.kernel("k")).isSameAs(kernel);
        }
    }

    @Test
    void shouldLeaveTheKernelFailedOnceItsRestartsInTheWindowAreUsedUp() throws Exception {
        ObservedCpuBackend backend = new ObservedCpuBackend(BackendType.OPENCL, 1);
        try (RingKernelRuntime runtime = faultable(backend)) {
            KernelHandle kernel = runtime.launch("k", CONFORMANCE
                    .withRestartPolicy(RestartPolicy.onFailure(1, Duration.ofMinutes(1))));
            backend.resources().signals().failed(new IllegalStateException("first fault"));
            awaitMetrics(kernel, metrics -> metrics.status() == KernelStatus.ACTIVE && metrics.restarts() == 1);
            backend.resources().signals().failed(new IllegalStateException("second fault"));

            assertThat(kernel.status()).isEqualTo(KernelStatus.FAILED);
            assertThat(kernel.metrics().restarts()).isEqualTo(1);
            assertThat(kernel.metrics().lastError()).contains("second fault");
            kernel.terminate();
            assertThat(kernel.status()).isEqualTo(KernelStatus.TERMINATED);
        }
    }

    @Test
    void shouldNotRestartWithoutAPolicy() {
        ObservedCpuBackend backend = new ObservedCpuBackend(BackendType.OPENCL, 1);
        try (RingKernelRuntime runtime = faultable(backend)) {
            KernelHandle kernel = runtime.launch("k", CONFORMANCE);
            backend.resources().signals().failed(new IllegalStateException("device lost"));
            assertThat(kernel.status()).isEqualTo(KernelStatus.FAILED);
            assertThat(kernel.metrics().restarts()).isZero();
        }
    }

    @Test
    void shouldRestartAKernelWhoseHandlerHungOnceItsThreadLetGo() throws Exception {
        AtomicBoolean hangOnce = new AtomicBoolean(true);
        CountDownLatch never = new CountDownLatch(1);
        KernelDefinition flaky = KernelDefinition.of("flaky", List.of(MessageType.of(1, Ping.class,
                MessageType.FIXED_LAYOUT)), (message, context) -> {
                    if (hangOnce.getAndSet(false)) {
                        never.await();
                    }
                    return message;
                });
        RuntimeConfig config = RuntimeConfig.defaults().withCpuWorkerThreads(1)
                .withTerminationTimeout(Duration.ofMillis(300));
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().config(config).addKernel(flaky).build()) {
            KernelHandle kernel = runtime.launch("flaky", LaunchOptions.defaults()
                    .withRestartPolicy(RestartPolicy.onFailure(3, Duration.ofMinutes(1))));
            CompletableFuture<Object> hung = kernel.callAsync(new Ping(1, 0), TIMEOUT);

            assertThatThrownBy(hung::get).cause().isInstanceOfSatisfying(KernelErrorException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.HANDLER_HUNG));
            awaitMetrics(kernel, metrics -> metrics.status() == KernelStatus.ACTIVE && metrics.restarts() == 1);
            assertThat(kernel.call(new Ping(2, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(2, 0));
        }
    }

    @Test
    void shouldLeaveAKernelFailedWhoseHandlerStillSpinsAndSayWhy() throws Exception {
        AtomicBoolean spin = new AtomicBoolean(true);
        KernelDefinition spinning = KernelDefinition.of("spin", List.of(MessageType.of(1, Ping.class,
                MessageType.FIXED_LAYOUT)), (message, context) -> {
                    while (spin.get()) {
                        Thread.onSpinWait();
                    }
                    return message;
                });
        RuntimeConfig config = RuntimeConfig.defaults().withTerminationTimeout(Duration.ofMillis(200));
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().config(config).addKernel(spinning).build()) {
            KernelHandle kernel = runtime.launch("spin", LaunchOptions.defaults()
                    .withRestartPolicy(RestartPolicy.onFailure(3, Duration.ofMinutes(1))));
            kernel.send(new Ping(1, 0));
            awaitMetrics(kernel, metrics -> metrics.lastError().contains("not restarted"));

            assertThat(kernel.status()).isEqualTo(KernelStatus.FAILED);
            assertThat(kernel.metrics().lastError()).contains("deemed hung").endsWith(
                    "; not restarted: what failed did not stop within the termination timeout of 200 ms");
            spin.set(false);
        }
    }

    @Test
    void shouldRejectAPolicyThatCannotWork() {
        assertThatThrownBy(() -> RestartPolicy.onFailure(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a restart policy on failure needs maxRestarts >= 1, got 0");
        assertThatThrownBy(() -> RestartPolicy.onFailure(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the restart window must be a positive duration, got PT0S");
    }
}
