package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelException;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.api.SerializationException;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.conformance.Ping;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageType;
import io.ringkernel.spi.RuntimeSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A kernel's definition goes away and comes back (what an update of its bundle looks like): the
 * kernel keeps its queues and runs the new code; callers see at most a pause, and every call gets
 * a reply or a typed error.
 */
@Timeout(120)
class HotSwapTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static KernelDefinition version(int version) {
        return KernelDefinition.of("versioned", List.of(MessageType.of(1, Ping.class, MessageType.FIXED_LAYOUT)),
                (message, context) -> new Ping(((Ping) message).sequence(), version));
    }

    private static DefaultRingKernelRuntime runtime(RuntimeConfig config, KernelDefinition first) {
        return new DefaultRingKernelRuntime(new RuntimeSpec(io.ringkernel.api.BackendType.CPU, 0, config, List.of(),
                List.of(new FixedLayoutSerializer()), List.of(first)));
    }

    @Test
    void shouldSwapTheCodeTenTimesUnderLoadWithoutLosingACall() throws Exception {
        KernelDefinition current = version(0);
        DefaultRingKernelRuntime runtime = runtime(RuntimeConfig.defaults(), current);
        try {
            KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition("versioned"));
            AtomicBoolean calling = new AtomicBoolean(true);
            AtomicLong sent = new AtomicLong();
            AtomicLong answered = new AtomicLong();
            AtomicLong typedErrors = new AtomicLong();
            ExecutorService callers = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                running.add(callers.submit(() -> {
                    for (long i = 0; calling.get(); i++) {
                        sent.incrementAndGet();
                        try {
                            Ping reply = kernel.call(new Ping(i, -1), Ping.class, TIMEOUT);
                            assertThat(reply.sequence()).isEqualTo(i);
                            answered.incrementAndGet();
                        } catch (RingKernelException e) {
                            typedErrors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (int version = 1; version <= 10; version++) {
                Thread.sleep(50);
                runtime.removeDefinition(current);
                current = version(version);
                runtime.addDefinition(current);
            }
            Thread.sleep(50);
            calling.set(false);
            for (Future<?> caller : running) {
                caller.get();
            }
            callers.shutdown();

            assertThat(kernel.call(new Ping(1, -1), Ping.class, TIMEOUT).sender()).isEqualTo(10);
            assertThat(answered.get() + typedErrors.get()).isEqualTo(sent.get());
            assertThat(typedErrors.get()).isZero();
            assertThat(kernel.metrics().processed()).isEqualTo(answered.get() + 1);
            assertThat(kernel.status()).isEqualTo(KernelStatus.ACTIVE);
        } finally {
            runtime.shutdown();
        }
    }

    @Test
    void shouldServeClientsOfTheOldAndTheNewRevisionsClassesAfterASwap() throws Exception {
        KernelDefinition first = echo(Ping.class);
        DefaultRingKernelRuntime runtime = runtime(RuntimeConfig.defaults(), first);
        try {
            KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition("echo"));
            @SuppressWarnings("unchecked")
            Class<Object> revised = (Class<Object>) new RevisionClassLoader(Ping.class).revised();
            assertThat(revised).isNotSameAs(Ping.class);

            runtime.removeDefinition(first);
            runtime.addDefinition(echo(revised));

            assertThat(kernel.call(new Ping(1, 2), Ping.class, TIMEOUT)).isEqualTo(new Ping(1, 2));
            Object revisedPing = revised.getConstructor(long.class, int.class).newInstance(3L, 4);
            assertThat(kernel.call(revisedPing, revised, TIMEOUT)).isEqualTo(revisedPing);
            kernel.send(revisedPing);
            assertThat(kernel.receive(TIMEOUT).payload()).isEqualTo(revisedPing);
            assertThat(kernel.messageTypes()).extracting(type -> (Object) type.javaType()).containsExactly(revised);
        } finally {
            runtime.shutdown();
        }
    }

    @Test
    void shouldRefuseClassesOfARevisionOlderThanTheKeptGenerationsSayingWhy() throws Exception {
        KernelDefinition current = echo(Ping.class);
        DefaultRingKernelRuntime runtime = runtime(RuntimeConfig.defaults(), current);
        try {
            KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition("echo"));
            for (int revision = 1; revision < MessageCatalog.GENERATIONS; revision++) {
                runtime.removeDefinition(current);
                current = echo(new RevisionClassLoader(Ping.class).revised());
                runtime.addDefinition(current);
            }
            assertThat(kernel.call(new Ping(1, 0), Ping.class, TIMEOUT)).isEqualTo(new Ping(1, 0));

            runtime.removeDefinition(current);
            runtime.addDefinition(echo(new RevisionClassLoader(Ping.class).revised()));

            assertThatThrownBy(() -> kernel.send(new Ping(2, 0))).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("older than the kernel's last " + MessageCatalog.GENERATIONS)
                    .hasMessageContaining("refresh the sender's bundle");
        } finally {
            runtime.shutdown();
        }
    }

    private static KernelDefinition echo(Class<?> pingClass) {
        return KernelDefinition.of("echo", List.of(MessageType.of(1, pingClass, MessageType.FIXED_LAYOUT)),
                (message, context) -> message);
    }

    @Test
    void shouldQueueWhileDetachedAndTerminateWhenTheDefinitionDoesNotComeBack() throws Exception {
        KernelDefinition only = version(1);
        DefaultRingKernelRuntime runtime = runtime(RuntimeConfig.defaults().withHotSwapGrace(Duration.ofMillis(300)), only);
        try {
            KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition("versioned"));
            runtime.removeDefinition(only);
            assertThat(runtime.listDefinitions()).doesNotContain("versioned");
            CompletableFuture<Object> queued = kernel.callAsync(new Ping(7, -1), TIMEOUT);
            assertThat(kernel.status()).isEqualTo(KernelStatus.ACTIVE);
            assertThat(kernel.metrics().inputDepth()).isEqualTo(1);

            assertThat(queued).failsWithin(TIMEOUT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(KernelErrorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.KERNEL_TERMINATED));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (kernel.status() != KernelStatus.TERMINATED && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(kernel.status()).isEqualTo(KernelStatus.TERMINATED);
        } finally {
            runtime.shutdown();
        }
    }

    @Test
    void shouldGiveEachDepartureOfTheDefinitionItsOwnGracePeriod() throws Exception {
        KernelDefinition first = version(1);
        DefaultRingKernelRuntime runtime = runtime(RuntimeConfig.defaults().withHotSwapGrace(Duration.ofSeconds(4)), first);
        try {
            KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition("versioned"));
            runtime.removeDefinition(first);
            KernelDefinition second = version(2);
            runtime.addDefinition(second);
            Thread.sleep(2_000);
            runtime.removeDefinition(second);
            // the first departure's grace period ends; the second's runs for another second
            Thread.sleep(3_000);

            assertThat(kernel.status()).isEqualTo(KernelStatus.ACTIVE);
            runtime.addDefinition(version(3));
            assertThat(kernel.call(new Ping(1, -1), Ping.class, TIMEOUT)).isEqualTo(new Ping(1, 3));
        } finally {
            runtime.shutdown();
        }
    }

    @Test
    void shouldProcessWhatQueuedWhileDetachedOnceTheNewCodeArrives() {
        KernelDefinition first = version(1);
        DefaultRingKernelRuntime runtime = runtime(RuntimeConfig.defaults(), first);
        try {
            KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition("versioned"));
            runtime.removeDefinition(first);
            for (int i = 0; i < 5; i++) {
                kernel.send(new Ping(i, -1));
            }
            assertThat(kernel.tryReceive()).isEmpty();
            runtime.addDefinition(version(2));
            for (int i = 0; i < 5; i++) {
                assertThat(kernel.receive(TIMEOUT).payload(Ping.class)).isEqualTo(new Ping(i, 2));
            }
        } finally {
            runtime.shutdown();
        }
    }
}
