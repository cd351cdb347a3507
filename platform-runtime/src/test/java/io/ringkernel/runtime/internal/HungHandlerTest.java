package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.ErrorCode;
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

/**
 * A handler that never returns: its kernel is failed once a turn has run past the termination
 * timeout, with {@link ErrorCode#HANDLER_HUNG} for its waiting calls, while every other kernel
 * keeps being served, even on a pool of one worker thread that the hung handler holds.
 */
@Timeout(30)
class HungHandlerTest {
    private static final Duration HANG_LIMIT = Duration.ofMillis(300);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static RingKernelRuntime runtime(KernelDefinition hanging) {
        return RingKernelRuntime.builder()
                .config(RuntimeConfig.defaults().withCpuWorkerThreads(1).withTerminationTimeout(HANG_LIMIT))
                .addKernel(hanging).addKernel(new ConformanceKernel()).build();
    }

    private static KernelDefinition hanging(MessageHandlerBody body) {
        return KernelDefinition.of("hang", List.of(MessageType.of(1, Ping.class, MessageType.FIXED_LAYOUT)),
                (message, context) -> {
                    body.run();
                    return message;
                });
    }

    /** What the hanging handler does before it would answer. */
    private interface MessageHandlerBody {
        void run() throws Exception;
    }

    @Test
    void shouldFailAKernelWhoseHandlerSpinsAndServeTheOthersOnAnAddedWorker() throws Exception {
        AtomicBoolean spin = new AtomicBoolean(true);
        CountDownLatch entered = new CountDownLatch(1);
        try (RingKernelRuntime runtime = runtime(hanging(() -> {
            entered.countDown();
            while (spin.get()) {
                Thread.onSpinWait();
            }
        }))) {
            KernelHandle stuck = runtime.launch("hang", LaunchOptions.defaults());
            KernelHandle healthy = runtime.launch("ok", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));
            CompletableFuture<Object> call = stuck.callAsync(new Ping(1, 0), TIMEOUT);
            CompletableFuture<Object> queued = stuck.callAsync(new Ping(2, 0), TIMEOUT);
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

            for (CompletableFuture<Object> waiting : List.of(call, queued)) {
                assertThatThrownBy(waiting::get).isInstanceOf(ExecutionException.class).cause()
                        .isInstanceOfSatisfying(KernelErrorException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.HANDLER_HUNG);
                            assertThat(e).hasMessageContaining("the handler of kernel 'hang' has run one turn for more "
                                    + "than 300 ms (the termination timeout) and is deemed hung");
                        });
            }
            assertThat(stuck.status()).isEqualTo(KernelStatus.FAILED);
            assertThat(stuck.metrics().lastError()).contains("deemed hung");
            for (int i = 0; i < 20; i++) {
                assertThat(healthy.call(new Ping(i, 1), Ping.class, TIMEOUT)).isEqualTo(new Ping(i, 1));
            }
            assertThat(runtime.launch("later", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID))
                    .call(new Ping(9, 9), Ping.class, TIMEOUT)).isEqualTo(new Ping(9, 9));
            spin.set(false);
        }
    }

    @Test
    void shouldInterruptAHandlerBlockedInAnInterruptibleWaitAndLetItsWorkerServeAgain() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        try (RingKernelRuntime runtime = runtime(hanging(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }))) {
            KernelHandle stuck = runtime.launch("hang", LaunchOptions.defaults());
            KernelHandle healthy = runtime.launch("ok", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));
            CompletableFuture<Object> call = stuck.callAsync(new Ping(1, 0), TIMEOUT);

            assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the watchdog interrupts the hung handler").isTrue();
            assertThatThrownBy(call::get).cause().isInstanceOfSatisfying(KernelErrorException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.HANDLER_HUNG));
            assertThat(healthy.call(new Ping(3, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(3, 0));
            stuck.terminate();
            assertThat(stuck.status()).as("its thread let go, so it terminates cleanly").isEqualTo(KernelStatus.TERMINATED);
            assertThat(healthy.call(new Ping(4, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(4, 0));
        }
    }
}
