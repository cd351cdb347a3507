package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A thread waiting in {@code call()} lends itself to an assistable kernel's host work while it
 * spins, without waking the kernel, and wakes it if it stops spinning before the reply.
 */
@Timeout(30)
class CallerAssistTest {

    @Test
    void shouldOfferTheWaitingCallersThreadToTheKernelAndWakeItWhenItStopsSpinning() {
        // the handler answers only once offered an assist; the kernel's own thread runs it, woken by the caller
        ObservedCpuBackend backend = new ObservedCpuBackend(BackendType.OPENCL, 1).assistable();
        KernelDefinition answersOnceAssisted = KernelDefinition.of("assisted",
                List.of(MessageType.of(1, Ping.class, MessageType.FIXED_LAYOUT)), (message, context) -> {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (backend.assists() == 0) {
                        if (System.nanoTime() - deadline > 0) {
                            throw new IllegalStateException("no waiting caller offered to assist the kernel");
                        }
                        Thread.onSpinWait();
                    }
                    return message;
                });
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().backend(BackendType.OPENCL).addBackend(backend)
                .addKernel(answersOnceAssisted).build()) {
            KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition("assisted"));

            Ping reply = kernel.call(new Ping(7, 0), Ping.class, Duration.ofSeconds(10));

            assertThat(reply).isEqualTo(new Ping(7, 0));
            assertThat(backend.assists()).isPositive();
        }
    }

    @Test
    void shouldGiveEveryConcurrentCallerOfAnAssistableKernelItsOwnReply() throws Exception {
        // no caller wakes the kernel when it sends; each wakes it only when it stops spinning
        ObservedCpuBackend backend = new ObservedCpuBackend(BackendType.OPENCL, 1).assistable();
        int callers = 8;
        int calls = 300;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().backend(BackendType.OPENCL).addBackend(backend)
                .addKernel(new ConformanceKernel()).build()) {
            KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));
            List<Future<Integer>> answered = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                answered.add(pool.submit(() -> {
                    int mine = 0;
                    for (int i = 0; i < calls; i++) {
                        if (kernel.call(new Ping(i, caller), Ping.class, Duration.ofSeconds(10)).equals(new Ping(i, caller))) {
                            mine++;
                        }
                    }
                    return mine;
                }));
            }
            for (Future<Integer> caller : answered) {
                assertThat(caller.get(25, TimeUnit.SECONDS)).as("calls answered with their own request").isEqualTo(calls);
            }
            assertThat(backend.assists()).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldNotOfferAnAssistToAKernelThatIsNotAssistable() {
        ObservedCpuBackend backend = new ObservedCpuBackend(BackendType.OPENCL, 1);
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().backend(BackendType.OPENCL).addBackend(backend)
                .addKernel(new ConformanceKernel()).build()) {
            KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));

            assertThat(kernel.call(new Ping(7, 0), Ping.class, Duration.ofSeconds(10))).isEqualTo(new Ping(7, 0));
            assertThat(backend.assists()).isZero();
        }
    }
}
