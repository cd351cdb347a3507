package io.ringkernel.backend.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.BackendUnavailableException;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelLaunchException;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.BackendPresence;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the conformance suite does not cover: handlers that read and write fixed-layout structs on
 * the device, handlers that misbehave or do not compile, batches larger than one launch, and
 * which backend a kernel lands on.
 */
class OpenClKernelTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final OpenClBackend BACKEND = new OpenClBackend();

    private RingKernelRuntime runtime;

    @BeforeEach
    void start() {
        BackendPresence.require(BACKEND);
        runtime = RingKernelRuntime.builder().backend(BackendType.AUTO).addBackend(BACKEND)
                .addKernel(DeviceKernels.arithmetic())
                .addKernel(DeviceKernels.withOpenCl("broken", "int rk_handle(int t) { return oops; }",
                        (message, context) -> message))
                .addKernel(DeviceKernels.withOpenCl("wrong-type", """
                        int rk_handle(int message_type, __global const uchar *payload, uint payload_length,
                                      __global uchar *reply, uint reply_capacity, int *reply_type) {
                            *reply_type = 42;
                            return 0;
                        }
                        """, (message, context) -> message))
                .addKernel(KernelDefinition.of("java-only", List.of(MessageType.of(1, Point.class,
                        MessageType.FIXED_LAYOUT)), (message, context) -> message))
                .build();
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.shutdown();
        }
    }

    @Test
    void shouldComputeOnTheDeviceWhatTheJavaHandlerComputes() throws Exception {
        KernelHandle device = runtime.launch("arithmetic", onOpenCl());
        assertThat(device.metrics().backend()).isEqualTo(BackendType.OPENCL);
        KernelDefinition definition = DeviceKernels.arithmetic();
        for (Point point : List.of(new Point((byte) 7, 21L, -3, 1.5), new Point((byte) -1, Long.MIN_VALUE / 4, 0, -0.25),
                new Point((byte) 0, 1L << 40, Integer.MAX_VALUE - 1, 1e300))) {
            Object expected = definition.javaHandler().handle(point, null);
            assertThat(device.call(point, Point.class, TIMEOUT)).isEqualTo(expected);
        }
    }

    @Test
    void shouldKeepOrderAcrossBatchesLargerThanOneLaunch() {
        KernelHandle kernel = runtime.launch("arithmetic", onOpenCl().withAutoActivate(false));
        int messages = 3 * OpenClKernel.MAX_BATCH + 17;
        for (int i = 0; i < messages; i++) {
            kernel.send(new Point((byte) 1, i, i, 1.0));
        }
        kernel.activate();
        for (int i = 0; i < messages; i++) {
            assertThat(kernel.receive(TIMEOUT).payload(Point.class).x()).isEqualTo(2L * i);
        }
        assertThat(kernel.metrics().processed()).isEqualTo(messages);
    }

    @Test
    void shouldReportAHandlerThatDoesNotCompileWithItsBuildLog() {
        assertThatThrownBy(() -> runtime.launch("broken", onOpenCl()))
                .isInstanceOf(KernelLaunchException.class)
                .hasMessageContaining("the OpenCL handler of kernel definition 'broken' does not compile")
                .hasMessageContaining("oops");
        assertThat(runtime.launch("arithmetic", onOpenCl()).status()).isEqualTo(KernelStatus.ACTIVE);
    }

    @Test
    void shouldAnswerAReplyOfAnUndeclaredTypeWithAnErrorAndKeepServing() {
        KernelHandle kernel = runtime.launch("wrong-type", onOpenCl());
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> kernel.call(new Point((byte) 1, 1, 1, 1), Point.class, TIMEOUT))
                    .isInstanceOfSatisfying(KernelErrorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.REPLY_FAILED);
                        assertThat(e.getMessage()).contains("message type 42");
                    });
        }
        assertThat(kernel.status()).isEqualTo(KernelStatus.ACTIVE);
        assertThat(kernel.metrics().errors()).isEqualTo(2);
    }

    @Test
    void shouldPreferOpenClOnlyWithAGpuAndOnlyForKernelsWithAnOpenClHandler() {
        boolean accelerator = BACKEND.priority() == OpenClBackend.PRIORITY;
        assertThat(runtime.defaultBackend()).isEqualTo(accelerator ? BackendType.OPENCL : BackendType.CPU);
        assertThat(runtime.launch("arithmetic", LaunchOptions.defaults()).metrics().backend())
                .isEqualTo(accelerator ? BackendType.OPENCL : BackendType.CPU);
        KernelHandle kernel = runtime.launch("java-only", LaunchOptions.defaults());
        assertThat(kernel.metrics().backend()).isEqualTo(BackendType.CPU);
        assertThatThrownBy(() -> runtime.launch("on-opencl", LaunchOptions.defaults().withDefinition("java-only")
                .withBackend(BackendType.OPENCL)))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("kernel definition 'java-only' has no OpenCL handler");
    }

    private static LaunchOptions onOpenCl() {
        return LaunchOptions.defaults().withBackend(BackendType.OPENCL);
    }

    @Test
    void shouldReportItsDevices() {
        assertThat(BACKEND.devices()).isNotEmpty().allSatisfy(device -> {
            assertThat(device.name()).isNotBlank();
            assertThat(device.vendor()).isNotBlank();
            assertThat(device.version()).contains("OpenCL");
            assertThat(device.computeUnits()).isPositive();
            assertThat(device.memoryBytes()).isPositive();
        });
    }
}
