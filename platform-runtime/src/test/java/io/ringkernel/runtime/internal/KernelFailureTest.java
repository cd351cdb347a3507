package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.IllegalKernelStateException;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchOptions;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the runtime does when a backend faults or a handler never returns. */
@Timeout(30)
class KernelFailureTest {

    @Test
    void shouldFailTheKernelAndItsPendingCallsWhenTheBackendFaults() throws Exception {
        ObservedCpuBackend backend = new ObservedCpuBackend(BackendType.OPENCL, 1);
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().backend(BackendType.OPENCL).addBackend(backend)
                .addKernel(new ConformanceKernel()).build()) {
            KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                    .withAutoActivate(false));
            CompletableFuture<Object> call = kernel.callAsync(new Ping(1, 0), Duration.ofSeconds(10));
            backend.resources().signals().failed(new IllegalStateException("device lost"));

            assertThat(kernel.status()).isEqualTo(KernelStatus.FAILED);
            assertThatThrownBy(call::get).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfSatisfying(KernelErrorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_FAULT);
                        assertThat(e).hasMessageContaining("device lost");
                    });
            assertThat(kernel.metrics().lastError()).contains("device lost");
            assertThatThrownBy(() -> kernel.send(new Ping(2, 0))).isInstanceOf(IllegalKernelStateException.class)
                    .hasMessageContaining("it is FAILED");
            kernel.terminate();
            assertThat(kernel.status()).isEqualTo(KernelStatus.TERMINATED);
        }
    }

    @Test
    void shouldFailAKernelWhoseHandlerDoesNotStopWithinTheTerminationTimeout() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean spin = new AtomicBoolean(true);
        KernelDefinition hanging = KernelDefinition.of("hang", List.of(MessageType.of(1, Ping.class, MessageType.FIXED_LAYOUT)),
                (message, context) -> {
                    entered.countDown();
                    while (spin.get()) {
                        Thread.onSpinWait();
                    }
                    return message;
                });
        RuntimeConfig config = RuntimeConfig.defaults().withTerminationTimeout(Duration.ofMillis(200));
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().config(config).addKernel(hanging)
                .addKernel(new ConformanceKernel()).build()) {
            KernelHandle stuck = runtime.launch("hang", LaunchOptions.defaults());
            KernelHandle healthy = runtime.launch("ok", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));
            CompletableFuture<Object> call = stuck.callAsync(new Ping(1, 0), Duration.ofSeconds(10));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

            stuck.terminate();

            assertThat(stuck.status()).isEqualTo(KernelStatus.FAILED);
            assertThat(stuck.metrics().lastError()).contains("did not stop within the termination timeout of 200 ms");
            assertThatThrownBy(call::get).cause().isInstanceOfSatisfying(KernelErrorException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.KERNEL_TERMINATED));
            assertThat(healthy.call(new Ping(3, 0), Ping.class, Duration.ofSeconds(5))).isEqualTo(new Ping(3, 0));
            spin.set(false);
        }
    }
}
