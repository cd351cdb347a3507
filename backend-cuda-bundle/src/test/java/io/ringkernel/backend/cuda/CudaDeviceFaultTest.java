package io.ringkernel.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.BackendUnavailableException;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelException;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.BackendPresence;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A handler that writes through a null pointer breaks its CUDA context, and CUDA keeps the error
 * for the rest of the process. Its kernel fails with the CUDA error; the kernels beside it fail
 * explicitly, naming it; no caller waits in vain; and the backend reports itself unavailable with
 * the reason, so launches go elsewhere. Runs in a JVM of its own.
 */
@Tag("device-fault")
class CudaDeviceFaultTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final CudaBackend BACKEND = new CudaBackend();

    @Test
    void shouldFailTheFaultingKernelWithTheCudaErrorTheOthersExplicitlyAndStopOfferingCuda() {
        BackendPresence.require(BACKEND);
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().backend(BackendType.CUDA).addBackend(BACKEND)
                .addKernel(new ConformanceKernel())
                .addKernel(CudaKernels.withCuda("faulty", """
                        __device__ int rk_handle(int message_type, const unsigned char *payload, unsigned int payload_length,
                                                 unsigned char *reply, unsigned int reply_capacity, int *reply_type) {
                            const rk_Ping *ping = (const rk_Ping *) payload;
                            if (ping->sender == 13) {
                                *((volatile long long *) 0) = ping->sequence;
                            }
                            return rk_reply_copy(message_type, payload, payload_length, reply, reply_capacity, reply_type);
                        }
                        """, 0)).build()) {
            KernelHandle beside = runtime.launch("beside", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));
            KernelHandle besideEventDriven = runtime.launch("beside-event-driven", LaunchOptions.defaults()
                    .withDefinition(ConformanceKernel.ID).withMode(LaunchMode.EVENT_DRIVEN));
            KernelHandle faulty = runtime.launch("faulty", LaunchOptions.defaults());
            assertThat(faulty.call(new Ping(1, 1), Ping.class, TIMEOUT)).isEqualTo(new Ping(1, 1));
            assertThat(beside.call(new Ping(2, 2), Ping.class, TIMEOUT)).isEqualTo(new Ping(2, 2));

            assertThatThrownBy(() -> faulty.call(new Ping(3, 13), Ping.class, TIMEOUT))
                    .isInstanceOfSatisfying(KernelErrorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_FAULT));
            assertThat(faulty.status()).isEqualTo(KernelStatus.FAILED);
            assertThat(faulty.metrics().lastError()).contains("device fault in kernel 'faulty'")
                    .contains("CUDA_ERROR_ILLEGAL_ADDRESS");

            for (KernelHandle other : new KernelHandle[] {beside, besideEventDriven}) {
                assertThat(other.status()).isEqualTo(KernelStatus.FAILED);
                assertThatThrownBy(() -> other.call(new Ping(4, 4), Ping.class, TIMEOUT))
                        .isInstanceOf(RingKernelException.class).hasMessageContaining("FAILED");
                assertThat(other.metrics().lastError()).contains("lost to a device fault in kernel(s) [faulty]");
            }

            assertThat(BACKEND.availability().available()).isFalse();
            assertThat(BACKEND.availability().reason()).contains("CUDA_ERROR_ILLEGAL_ADDRESS in kernel(s) [faulty]")
                    .contains("restart the JVM");
            assertThatThrownBy(() -> runtime.launch("after", LaunchOptions.defaults()
                    .withDefinition(ConformanceKernel.ID))).isInstanceOf(BackendUnavailableException.class)
                    .hasMessageContaining("restart the JVM");
        }
    }
}
