package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 1,000 kernels with default options (4,096-slot queues, 65,792-byte maximum message) run on the
 * CPU backend in a JVM with default settings: their rings take capacity × slot size, not
 * capacity × maximum message size (which would be 270 MB a queue).
 */
class ManyKernelsMemoryTest {
    private static final System.Logger LOG = System.getLogger(ManyKernelsMemoryTest.class.getName());
    private static final int KERNELS = 1_000;
    private static final long RING_BYTES = 4_096L * 128 + 384;

    @Test
    @Timeout(120)
    void shouldRunAThousandDefaultKernelsInADefaultJvm() {
        long directBefore = directMemoryUsed();
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().addKernel(new ConformanceKernel()).build()) {
            List<KernelHandle> kernels = new ArrayList<>();
            for (int i = 0; i < KERNELS; i++) {
                kernels.add(runtime.launch("k" + i, LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)));
            }
            for (int i = 0; i < KERNELS; i++) {
                assertThat(kernels.get(i).call(new Ping(i, 0), Ping.class, Duration.ofSeconds(10))).isEqualTo(new Ping(i, 0));
            }
            long direct = directMemoryUsed() - directBefore;
            Runtime jvm = Runtime.getRuntime();
            long heap = jvm.totalMemory() - jvm.freeMemory();
            LOG.log(System.Logger.Level.INFO, String.format(
                    "%d kernels with default options: %.1f MiB direct memory (%.1f KiB each), %.1f MiB heap in use, "
                            + "max heap %.0f MiB, %d live threads",
                    KERNELS, direct / 1048576.0, direct / 1024.0 / KERNELS, heap / 1048576.0, jvm.maxMemory() / 1048576.0,
                    Thread.activeCount()));
            assertThat(direct).isGreaterThanOrEqualTo(KERNELS * 2 * RING_BYTES)
                    .isLessThan(KERNELS * (2 * RING_BYTES + 64 * 1024));
            assertThat(Thread.activeCount()).isLessThan(100);
            assertThat(kernels).allSatisfy(kernel -> assertThat(kernel.status()).isEqualTo(KernelStatus.ACTIVE));
        }
    }

    private static long directMemoryUsed() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }
}
