package io.ringkernel.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.Dim3;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelLaunchException;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.ReceivedMessage;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.BackendPresence;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the CUDA backend does beyond the shared suites: modes, several kernels, device state, errors. */
class CudaKernelTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final CudaBackend BACKEND = new CudaBackend();

    private RingKernelRuntime runtime;

    @BeforeEach
    void start() {
        BackendPresence.require(BACKEND);
        runtime = RingKernelRuntime.builder().backend(BackendType.CUDA).addBackend(BACKEND)
                .addKernel(new ConformanceKernel())
                .addKernel(CudaKernels.withCuda("counting", CudaKernels.COUNTING, Long.BYTES))
                .addKernel(CudaKernels.withCuda("wrong-reply", """
                        __device__ int rk_handle(int message_type, const unsigned char *payload, unsigned int payload_length,
                                                 unsigned char *reply, unsigned int reply_capacity, int *reply_type) {
                            if (((const rk_Ping *) payload)->sender == 1) {
                                *reply_type = 77;
                                return 0;
                            }
                            return rk_reply_copy(message_type, payload, payload_length, reply, reply_capacity, reply_type);
                        }
                        """, 0))
                .addKernel(CudaKernels.withCuda("broken", """
                        __device__ int rk_handle(int message_type, const unsigned char *payload, unsigned int payload_length,
                                                 unsigned char *reply, unsigned int reply_capacity, int *reply_type) {
                            return missing_function(payload);
                        }
                        """, 0))
                .build();
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void shouldRunPersistentByDefaultAndEventDrivenOnRequest() {
        KernelHandle persistent = runtime.launch("persistent", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));
        KernelHandle eventDriven = runtime.launch("event-driven", LaunchOptions.defaults()
                .withDefinition(ConformanceKernel.ID).withMode(LaunchMode.EVENT_DRIVEN));

        assertThat(persistent.call(new Ping(1, 2), Ping.class, TIMEOUT)).isEqualTo(new Ping(1, 2));
        assertThat(eventDriven.call(new Ping(3, 4), Ping.class, TIMEOUT)).isEqualTo(new Ping(3, 4));
        assertThat(persistent.metrics().mode()).isEqualTo(LaunchMode.PERSISTENT);
        assertThat(eventDriven.metrics().mode()).isEqualTo(LaunchMode.EVENT_DRIVEN);
    }

    @Test
    void shouldReportTheDeviceInMetrics() {
        KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));

        assertThat(kernel.metrics().backend()).isEqualTo(BackendType.CUDA);
        assertThat(kernel.metrics().device().name()).isNotBlank();
        assertThat(kernel.metrics().device().computeUnits()).as("SMs").isPositive();
        assertThat(kernel.metrics().device().memoryBytes()).isPositive();
    }

    @Test
    void shouldServeEightKernelsCalledConcurrently() throws Exception {
        List<KernelHandle> kernels = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            kernels.add(runtime.launch("k" + i, LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)));
        }
        ExecutorService callers = Executors.newFixedThreadPool(kernels.size());
        try {
            List<Future<Integer>> answered = new ArrayList<>();
            for (int k = 0; k < kernels.size(); k++) {
                KernelHandle kernel = kernels.get(k);
                int sender = k;
                answered.add(callers.submit(() -> {
                    int count = 0;
                    for (long sequence = 0; sequence < 500; sequence++) {
                        assertThat(kernel.call(new Ping(sequence, sender), Ping.class, TIMEOUT))
                                .isEqualTo(new Ping(sequence, sender));
                        count++;
                    }
                    return count;
                }));
            }
            for (Future<Integer> calls : answered) {
                assertThat(calls.get()).isEqualTo(500);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(kernels).allSatisfy(kernel -> assertThat(kernel.metrics().mode()).isEqualTo(LaunchMode.PERSISTENT));
    }

    /**
     * A block of 1,024 threads is more than the loop's registers allow on the device: the loop is
     * launched with as many as the device can run, and rounds of hundreds of messages, published
     * with one fence each, come back whole and in order.
     */
    @Test
    void shouldRunALargeBlockAsTheDeviceAllowsAndAnswerFullRoundsWhole() {
        KernelHandle kernel = runtime.launch("wide", Dim3.ONE, Dim3.of(1024), LaunchOptions.defaults()
                .withDefinition(ConformanceKernel.ID).withMaxMessageSize(256));

        assertEchoesInOrder(kernel, 4_000);
    }

    /**
     * A round takes up to 1,024 records whatever the block: one warp polls, handles and answers
     * every 32nd of them per thread, and they come back whole and in order.
     */
    @Test
    void shouldTakeRoundsOfManyRecordsPerThreadWithOneWarp() {
        KernelHandle kernel = runtime.launch("warp", Dim3.ONE, Dim3.of(32), LaunchOptions.defaults()
                .withDefinition(ConformanceKernel.ID).withMaxMessageSize(256));

        assertEchoesInOrder(kernel, 4_000);
    }

    @Test
    void shouldKeepDeviceStateInOrderWhenARoundHoldsManyRecordsPerThread() {
        KernelHandle counting = runtime.launch("counting-warp", Dim3.ONE, Dim3.of(32), LaunchOptions.defaults()
                .withDefinition("counting").withMaxMessageSize(256));
        List<Ping> pings = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            pings.add(new Ping(0, i));
        }

        counting.sendAll(pings);

        for (int i = 0; i < pings.size(); i++) {
            assertThat(counting.receive(TIMEOUT).payload()).isEqualTo(new Ping(i + 1, i));
        }
    }

    /** Sends {@code count} pings in one batch and expects each back, in order, under its id. */
    private static void assertEchoesInOrder(KernelHandle kernel, int count) {
        List<Ping> pings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pings.add(new Ping(i * 7_919L, i));
        }

        long first = kernel.sendAll(pings);

        for (int i = 0; i < pings.size(); i++) {
            ReceivedMessage reply = kernel.receive(TIMEOUT);
            assertThat(reply.correlationId()).isEqualTo(first + i);
            assertThat(reply.payload()).isEqualTo(pings.get(i));
        }
        assertThat(kernel.metrics().mode()).isEqualTo(LaunchMode.PERSISTENT);
    }

    @Test
    void shouldKeepDeviceStateAcrossMessagesInOrder() {
        KernelHandle counting = runtime.launch("counting", LaunchOptions.defaults());
        for (int i = 0; i < 300; i++) {
            counting.send(new Ping(0, i));
        }
        for (int i = 0; i < 300; i++) {
            assertThat(counting.receive(TIMEOUT).payload()).isEqualTo(new Ping(i + 1, i));
        }
    }

    @Test
    void shouldAnswerAReplyOfAnUndeclaredTypeWithReplyFailed() {
        KernelHandle kernel = runtime.launch("wrong-reply", LaunchOptions.defaults());

        assertThatThrownBy(() -> kernel.call(new Ping(1, 1), Ping.class, TIMEOUT))
                .isInstanceOfSatisfying(KernelErrorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REPLY_FAILED);
                    assertThat(e.getMessage()).contains("message type 77");
                });
        assertThat(kernel.call(new Ping(2, 2), Ping.class, TIMEOUT)).as("and keeps serving").isEqualTo(new Ping(2, 2));
    }

    @Test
    void shouldRefuseAHandlerThatDoesNotCompileWithNvccsLog() {
        assertThatThrownBy(() -> runtime.launch("broken", LaunchOptions.defaults()))
                .isInstanceOf(KernelLaunchException.class)
                .hasMessageContaining("does not compile")
                .hasMessageContaining("missing_function");
    }
}
