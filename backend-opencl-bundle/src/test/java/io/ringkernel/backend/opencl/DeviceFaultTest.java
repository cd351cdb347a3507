package io.ringkernel.backend.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.BackendPresence;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Without isolation ({@link KernelIsolation#NONE}), a handler that faults on the device (a write
 * through a null pointer) fails its kernel with the cause and no caller waits in vain. On NVIDIA's
 * OpenCL the fault is sticky for the whole process (every context on the device breaks), so the
 * kernels beside it fail too, with a typed error, and the backend stops offering itself: what
 * {@link IsolatedKernelTest} shows a worker process per kernel avoids. Runs on GPUs and
 * accelerators only, in a JVM of its own: on a CPU OpenCL device such as PoCL the same write is a
 * segmentation fault of the JVM itself.
 */
@Tag("device-fault")
class DeviceFaultTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final OpenClBackend BACKEND = new OpenClBackend(KernelIsolation.NONE);

    @Test
    void shouldFailTheKernelsWithTheCauseAndStopOfferingTheFaultedDevice() {
        BackendPresence.require(BACKEND);
        assumeTrue(BACKEND.priority() == OpenClBackend.PRIORITY,
                "no GPU or accelerator: a device fault on a CPU OpenCL device would crash the JVM");
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().backend(BackendType.AUTO)
                .addBackend(BACKEND).addKernel(DeviceKernels.arithmetic())
                .addKernel(DeviceKernels.withOpenCl("faulty", """
                        int rk_handle(int message_type, __global const uchar *payload, uint payload_length,
                                      __global uchar *reply, uint reply_capacity, int *reply_type) {
                            __global const rk_Point *point = (__global const rk_Point *) payload;
                            if (point->y == 13) {
                                *((__global volatile long *) 0) = point->x;
                            }
                            *reply_type = message_type;
                            return 0;
                        }
                        """, (message, context) -> message)).build()) {
            KernelHandle beside = runtime.launch("beside", LaunchOptions.defaults().withDefinition("arithmetic"));
            KernelHandle faulty = runtime.launch("faulty", LaunchOptions.defaults());
            assertThat(beside.call(new Point((byte) 2, 5, 6, 7), Point.class, TIMEOUT))
                    .isEqualTo(new Point((byte) 2, 10, 7, -7));

            assertThatThrownBy(() -> faulty.call(new Point((byte) 1, 1, 13, 1), Point.class, TIMEOUT))
                    .isInstanceOfSatisfying(KernelErrorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_FAULT));
            assertThat(faulty.status()).isEqualTo(KernelStatus.FAILED);
            assertThat(faulty.metrics().lastError()).contains("CLException");

            assertThat(BACKEND.availability().available()).isFalse();
            assertThat(BACKEND.availability().reason()).contains("the OpenCL device faulted");
            assertThat(runtime.launch("after", LaunchOptions.defaults().withDefinition("arithmetic")).metrics()
                    .backend()).as("AUTO moves to the CPU backend").isEqualTo(BackendType.CPU);
            assertThatThrownBy(() -> beside.call(new Point((byte) 3, 1, 1, 1), Point.class, TIMEOUT))
                    .as("the kernel beside it shares the broken device").isInstanceOf(KernelErrorException.class);
        }
    }
}
