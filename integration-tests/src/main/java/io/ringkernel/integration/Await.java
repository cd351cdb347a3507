package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.BackendType;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.RingKernelRuntime;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Waits, polling every 10 ms, for what the framework does on its own threads: the caller then asserts. */
final class Await {
    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    /**
     * @param condition what to wait for
     * @param timeout how long at most
     * @return whether it held before the timeout
     */
    static boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    /**
     * @param kernel a kernel
     * @param status the status it must reach
     * @param timeout how long at most
     */
    static void status(KernelHandle kernel, KernelStatus status, Duration timeout) throws InterruptedException {
        until(() -> kernel.status() == status, timeout);
        assertThat(kernel.status()).isEqualTo(status);
    }

    /**
     * Waits for a backend's service to come (back) and to find its devices.
     *
     * @param runtime the runtime
     * @param type the backend's type
     * @param timeout how long at most
     * @return what the runtime lists of it, available
     */
    static BackendInfo available(RingKernelRuntime runtime, BackendType type, Duration timeout)
            throws InterruptedException {
        until(() -> listed(runtime, type).map(BackendInfo::available).orElse(false), timeout);
        Optional<BackendInfo> listed = listed(runtime, type);
        assertThat(listed).as("the " + type + " backend").hasValueSatisfying(info ->
                assertThat(info.available()).as(info.unavailableReason()).isTrue());
        return listed.orElseThrow();
    }

    /**
     * @param runtime the runtime
     * @param type a backend type
     * @return what the runtime lists of the preferred backend of that type, if one is installed
     */
    static Optional<BackendInfo> listed(RingKernelRuntime runtime, BackendType type) {
        return runtime.backends().stream().filter(info -> info.type() == type).findFirst();
    }
}
