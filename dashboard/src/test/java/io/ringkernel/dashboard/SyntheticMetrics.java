package io.ringkernel.dashboard;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchMode;
import java.time.Duration;

/** Made-up kernel metrics for tests that need no runtime. */
final class SyntheticMetrics {
    /** The device every synthetic kernel runs on. */
    static final DeviceInfo DEVICE = new DeviceInfo(0, "test device", "test", "1", 4, 0);

    private SyntheticMetrics() {
    }

    /**
     * @param kernelId the kernel
     * @param status its state
     * @param errors its error count
     * @param lastError its last error
     * @param tick a number every counter, depth, rate and latency derives from
     * @return the metrics
     */
    static KernelMetrics of(String kernelId, KernelStatus status, long errors, String lastError, long tick) {
        return of(kernelId, status, errors, lastError, tick, 0);
    }

    /**
     * @param kernelId the kernel
     * @param status its state
     * @param errors its error count
     * @param lastError its last error
     * @param tick a number every counter, depth, rate and latency derives from
     * @param restarts how often its restart policy restarted it
     * @return the metrics
     */
    static KernelMetrics of(String kernelId, KernelStatus status, long errors, String lastError, long tick,
                            int restarts) {
        return new KernelMetrics(kernelId, status, BackendType.CPU, LaunchMode.PERSISTENT, DEVICE,
                tick * 10, tick * 10, tick * 10, 0, errors, 0, tick % 17, tick % 5,
                Duration.ofNanos(1_000 + tick), Duration.ofNanos(5_000 + tick), Duration.ofNanos(9_000 + tick),
                Duration.ofNanos(20_000 + tick), tick * 1.5, Duration.ofSeconds(tick), lastError, restarts);
    }
}
