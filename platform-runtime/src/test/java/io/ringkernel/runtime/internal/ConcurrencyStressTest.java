package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many threads, many kernels, one small worker pool: every call gets its own reply, totals balance. */
class ConcurrencyStressTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    @Timeout(120)
    void shouldAnswerEveryCallAcrossKernelsAndThreads() throws Exception {
        int kernels = 16;
        int threads = 8;
        int callsEach = 2_000;
        RuntimeConfig config = RuntimeConfig.defaults().withCpuWorkerThreads(2);
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().config(config).addKernel(new ConformanceKernel()).build()) {
            List<KernelHandle> handles = new ArrayList<>();
            for (int i = 0; i < kernels; i++) {
                handles.add(runtime.launch("k" + i, LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)));
            }
            ExecutorService callers = Executors.newFixedThreadPool(threads);
            List<Future<long[]>> perThread = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int sender = t;
                perThread.add(callers.submit(() -> {
                    long[] callsPerKernel = new long[kernels];
                    for (int i = 0; i < callsEach; i++) {
                        int target = ThreadLocalRandom.current().nextInt(kernels);
                        Ping reply = handles.get(target).call(new Ping(i, sender), Ping.class, TIMEOUT);
                        assertThat(reply).isEqualTo(new Ping(i, sender));
                        callsPerKernel[target]++;
                    }
                    return callsPerKernel;
                }));
            }
            long[] expected = new long[kernels];
            for (Future<long[]> result : perThread) {
                long[] counts = result.get();
                for (int k = 0; k < kernels; k++) {
                    expected[k] += counts[k];
                }
            }
            callers.shutdown();
            long total = 0;
            for (int k = 0; k < kernels; k++) {
                KernelMetrics metrics = handles.get(k).metrics();
                assertThat(metrics.messagesIn()).isEqualTo(expected[k]);
                assertThat(metrics.processed()).isEqualTo(expected[k]);
                assertThat(metrics.messagesOut()).isEqualTo(expected[k]);
                total += metrics.processed();
            }
            assertThat(total).isEqualTo((long) threads * callsEach);
        }
    }

    @Test
    @Timeout(120)
    void shouldKeepEachSendersOrderWhileManySendToOneKernel() throws Exception {
        int senders = 8;
        int messagesEach = 5_000;
        RuntimeConfig patient = RuntimeConfig.defaults().withSendTimeout(TIMEOUT);
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().config(patient).addKernel(new ConformanceKernel()).build()) {
            KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));
            ExecutorService pool = Executors.newFixedThreadPool(senders + 1);
            Future<long[]> receiver = pool.submit(() -> {
                long[] next = new long[senders];
                for (int i = 0; i < senders * messagesEach; i++) {
                    Ping ping = kernel.receive(TIMEOUT).payload(Ping.class);
                    assertThat(ping.sequence()).as("sender %d", ping.sender()).isEqualTo(next[ping.sender()]);
                    next[ping.sender()]++;
                }
                return next;
            });
            List<Future<?>> sent = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                sent.add(pool.submit(() -> {
                    for (int i = 0; i < messagesEach; i++) {
                        kernel.send(new Ping(i, sender));
                    }
                }));
            }
            for (Future<?> done : sent) {
                done.get();
            }
            assertThat(receiver.get()).containsOnly(messagesEach);
            pool.shutdown();
        }
    }

    @Test
    @Timeout(120)
    void shouldStallOnlyTheKernelWhoseRepliesNobodyReads() throws InterruptedException {
        RuntimeConfig config = RuntimeConfig.defaults().withCpuWorkerThreads(1).withSendTimeout(TIMEOUT);
        LaunchOptions small = LaunchOptions.defaults().withDefinition(ConformanceKernel.ID).withQueueCapacity(16)
                .withMaxMessageSize(512);
        int repliesTheKernelCanHold = 16 + 16 + 1;
        int sent = 40;
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().config(config).addKernel(new ConformanceKernel()).build()) {
            KernelHandle unread = runtime.launch("unread", small);
            KernelHandle busy = runtime.launch("busy", small);
            for (int i = 0; i < sent; i++) {
                unread.send(new Ping(i, 0));
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (unread.metrics().processed() < repliesTheKernelCanHold && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            for (int i = 0; i < 100; i++) {
                assertThat(busy.call(new Ping(i, 1), Ping.class, TIMEOUT)).isEqualTo(new Ping(i, 1));
            }
            assertThat(unread.metrics().processed()).as("output ring 16 + inbox 16 + 1 parked reply")
                    .isEqualTo(repliesTheKernelCanHold);
            for (int i = 0; i < sent; i++) {
                assertThat(unread.receive(TIMEOUT).payload(Ping.class).sequence()).isEqualTo(i);
            }
            assertThat(unread.metrics().processed()).isEqualTo(sent);
        }
    }
}
