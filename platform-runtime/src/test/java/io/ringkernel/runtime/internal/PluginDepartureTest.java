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
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.api.SerializationException;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.conformance.Ping;
import io.ringkernel.runtime.internal.cpu.CpuBackend;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageSerializer;
import io.ringkernel.spi.MessageType;
import io.ringkernel.spi.RuntimeSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A serializer or a backend goes away while kernels use it: a kernel whose serializer left is
 * deactivated with the reason and resumes when a serializer of that name returns; kernels on a
 * backend that left are terminated, and every message they held is failed back as a typed error.
 * A kernel whose definition returns while its serializer is away runs the new code once the
 * serializer is back too; a kernel that terminated while it waited for its definition or
 * serializer stays terminated when they return.
 */
@Timeout(60)
class PluginDepartureTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final KernelDefinition ECHO = KernelDefinition.of("echo",
            List.of(MessageType.of(1, Ping.class, MessageType.FIXED_LAYOUT)), (message, context) -> message);

    private final MessageSerializer serializer = new FixedLayoutSerializer();
    private final DefaultRingKernelRuntime runtime = new DefaultRingKernelRuntime(new RuntimeSpec(BackendType.CPU, 0,
            RuntimeConfig.defaults(), List.of(), List.of(serializer), List.of(ECHO)));

    @AfterEach
    void shutdown() {
        runtime.shutdown();
    }

    @Test
    void shouldDeactivateWithTheReasonWhileTheSerializerIsAwayAndResumeWhenItReturns() throws Exception {
        KernelHandle kernel = runtime.launch("echo", LaunchOptions.defaults());
        kernel.deactivate();
        CompletableFuture<Object> queued = kernel.callAsync(new Ping(1, 0), TIMEOUT);
        kernel.activate();
        assertThat(queued.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new Ping(1, 0));
        kernel.deactivate();
        CompletableFuture<Object> waiting = kernel.callAsync(new Ping(2, 0), TIMEOUT);
        kernel.activate();
        runtime.removeSerializer(serializer);

        assertThat(kernel.status()).isEqualTo(KernelStatus.DEACTIVATED);
        assertThat(kernel.metrics().lastError()).contains("serializer 'fixed-layout' was removed");
        assertThatThrownBy(() -> kernel.send(new Ping(3, 0))).isInstanceOf(SerializationException.class)
                .hasMessageContaining("serializer 'fixed-layout' was removed");
        assertThatThrownBy(kernel::activate).isInstanceOf(IllegalKernelStateException.class)
                .hasMessageContaining("cannot activate kernel 'echo'");
        assertThatThrownBy(() -> runtime.launch("other", LaunchOptions.defaults().withDefinition("echo")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not installed");

        runtime.addSerializer(new FixedLayoutSerializer());

        assertThat(kernel.status()).isEqualTo(KernelStatus.ACTIVE);
        assertThat(kernel.metrics().lastError()).isEmpty();
        assertThat(waiting.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(new Ping(2, 0));
        assertThat(kernel.call(new Ping(4, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(4, 0));
    }

    @Test
    void shouldStayDeactivatedWhenTheUserHadDeactivatedTheKernel() {
        KernelHandle kernel = runtime.launch("echo", LaunchOptions.defaults());
        kernel.deactivate();
        runtime.removeSerializer(serializer);
        runtime.addSerializer(new FixedLayoutSerializer());

        assertThat(kernel.status()).isEqualTo(KernelStatus.DEACTIVATED);
        kernel.activate();
        assertThat(kernel.call(new Ping(5, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(5, 0));
    }

    @Test
    void shouldKeepServingWhenAnotherSerializerOfTheSameNameRemains() {
        runtime.addSerializer(new FixedLayoutSerializer());
        KernelHandle kernel = runtime.launch("echo", LaunchOptions.defaults());
        runtime.removeSerializer(serializer);

        assertThat(kernel.status()).isEqualTo(KernelStatus.ACTIVE);
        assertThat(kernel.call(new Ping(6, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(6, 0));
    }

    @Test
    void shouldTerminateKernelsOfARemovedBackendAndFailEveryCallTheyHeldAsATypedError() throws Exception {
        CpuBackend plugged = new CpuBackend();
        runtime.addBackend(plugged, 10);
        KernelHandle kernel = runtime.launch("echo", LaunchOptions.defaults());
        AtomicLong sent = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        AtomicLong terminated = new AtomicLong();
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                running.add(callers.submit(() -> {
                    for (long i = 0; ; i++) {
                        sent.incrementAndGet();
                        try {
                            assertThat(kernel.call(new Ping(i, 0), Ping.class, TIMEOUT).sequence()).isEqualTo(i);
                            answered.incrementAndGet();
                        } catch (KernelErrorException e) {
                            assertThat(e.code()).isEqualTo(ErrorCode.KERNEL_TERMINATED);
                            assertThat(e.getMessage()).contains("was removed");
                            terminated.incrementAndGet();
                        } catch (IllegalKernelStateException e) {
                            terminated.incrementAndGet();
                            return null;
                        }
                    }
                }));
            }
            while (answered.get() < 1_000) {
                Thread.sleep(1);
            }
            runtime.removeBackend(plugged);
            for (Future<?> caller : running) {
                caller.get();
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(answered.get() + terminated.get()).isEqualTo(sent.get());
        assertThat(kernel.status()).isEqualTo(KernelStatus.TERMINATED);
        assertThat(kernel.metrics().lastError()).contains("its backend CPU").contains("was removed");
        KernelHandle relaunched = runtime.launch("echo", LaunchOptions.defaults());
        assertThat(relaunched.call(new Ping(7, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(7, 0));
    }

    @Test
    void shouldRunTheReturnedDefinitionOnceTheSerializerItNeedsIsBackToo() {
        KernelHandle kernel = runtime.launch("echo", LaunchOptions.defaults());
        runtime.removeDefinition(ECHO);
        runtime.removeSerializer(serializer);
        runtime.addDefinition(ECHO);
        runtime.addSerializer(new FixedLayoutSerializer());

        assertThat(kernel.call(new Ping(11, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(11, 0));
        assertThat(kernel.status()).isEqualTo(KernelStatus.ACTIVE);
    }

    @Test
    void shouldLeaveAKernelTerminatedWhenItsDefinitionReturnsAfterItsBackendLeft() {
        ObservedCpuBackend plugged = new ObservedCpuBackend(BackendType.CPU, CpuBackend.PRIORITY);
        runtime.addBackend(plugged, 10);
        KernelHandle kernel = runtime.launch("echo", LaunchOptions.defaults());
        runtime.removeDefinition(ECHO);
        runtime.removeBackend(plugged);
        runtime.addDefinition(ECHO);

        assertThat(kernel.status()).isEqualTo(KernelStatus.TERMINATED);
        assertThat(plugged.compiledAfterClose()).as("programs compiled by the backend's closed context").isZero();
        KernelHandle relaunched = runtime.launch("echo", LaunchOptions.defaults());
        assertThat(relaunched.call(new Ping(9, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(9, 0));
    }

    @Test
    void shouldResumeTheOtherKernelsWhenTheSerializerReturnsAfterASuspendedKernelTerminated() {
        KernelHandle staying = runtime.launch("staying", LaunchOptions.defaults().withDefinition("echo"));
        ObservedCpuBackend plugged = new ObservedCpuBackend(BackendType.CPU, CpuBackend.PRIORITY);
        runtime.addBackend(plugged, 10);
        KernelHandle leaving = runtime.launch("leaving", LaunchOptions.defaults().withDefinition("echo"));
        runtime.removeSerializer(serializer);
        runtime.removeBackend(plugged);
        runtime.addSerializer(new FixedLayoutSerializer());

        assertThat(leaving.status()).isEqualTo(KernelStatus.TERMINATED);
        assertThat(plugged.compiledAfterClose()).as("programs compiled by the backend's closed context").isZero();
        assertThat(staying.status()).isEqualTo(KernelStatus.ACTIVE);
        assertThat(staying.call(new Ping(10, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(10, 0));
    }

    @Test
    void shouldIgnoreTheRemovalOfABackendThatWasNeverAdded() {
        KernelHandle kernel = runtime.launch("echo", LaunchOptions.defaults());
        runtime.removeBackend(new CpuBackend());
        assertThat(kernel.call(new Ping(8, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(8, 0));
    }
}
