package io.ringkernel.dashboard;

import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A source of made-up kernels whose numbers grow with each snapshot; kernel {@code i}'s counters
 * grow {@code i + 1} times as fast as the first one's. It can be told to fail its snapshots.
 */
final class SyntheticSource implements DashboardSource {
    private final int kernelCount;
    private final AtomicLong snapshots = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();

    /** @param kernelCount how many kernels each snapshot has */
    SyntheticSource(int kernelCount) {
        this.kernelCount = kernelCount;
    }

    /** @param index a kernel's index @return its id */
    static String kernelId(int index) {
        return String.format("kernel-%03d", index);
    }

    /** @param message what snapshots fail with from now on, or null to succeed again */
    void failWith(String message) {
        failure.set(message);
    }

    /** @return how many snapshots were taken */
    long snapshotsTaken() {
        return snapshots.get();
    }

    @Override
    public String describe() {
        return "synthetic runtime (" + kernelCount + " kernels)";
    }

    @Override
    public DashboardSnapshot snapshot() {
        String message = failure.get();
        if (message != null) {
            throw new IllegalStateException(message);
        }
        long tick = snapshots.incrementAndGet();
        List<KernelMetrics> kernels = new ArrayList<>(kernelCount);
        for (int i = 0; i < kernelCount; i++) {
            kernels.add(SyntheticMetrics.of(kernelId(i), KernelStatus.ACTIVE, 0, "", tick * (i + 1)));
        }
        return new DashboardSnapshot(Instant.now(), kernels, List.of(), List.of("synthetic"), List.of());
    }

    @Override
    public void activate(String kernelId) {
        throw noActions();
    }

    @Override
    public void deactivate(String kernelId) {
        throw noActions();
    }

    @Override
    public void terminate(String kernelId) {
        throw noActions();
    }

    @Override
    public void launch(String kernelId, String definitionId) {
        throw noActions();
    }

    @Override
    public String call(String kernelId, int typeId, String words) {
        throw noActions();
    }

    @Override
    public Path deploy(Path jar) {
        throw noActions();
    }

    @Override
    public void close() {
        failWith("closed");
    }

    private static UnsupportedOperationException noActions() {
        return new UnsupportedOperationException("the synthetic source takes no actions");
    }
}
