package io.ringkernel.dashboard;

import io.ringkernel.api.KernelMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every kernel's chart history: one sample a second over the last five minutes, forgotten when
 * the kernel is gone.
 */
final class HistoryBook {
    /** How far back the charts reach. */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final Map<String, KernelHistory> histories = new HashMap<>();
    private long lastSecond = Long.MIN_VALUE;

    /**
     * Samples every kernel of the snapshot, unless a sample was already taken in its second.
     *
     * @param snapshot the newest snapshot
     * @return true if it was sampled
     */
    boolean record(DashboardSnapshot snapshot) {
        long second = snapshot.takenAt().getEpochSecond();
        if (second <= lastSecond) {
            return false;
        }
        lastSecond = second;
        Set<String> present = new HashSet<>();
        for (KernelMetrics kernel : snapshot.kernels()) {
            present.add(kernel.kernelId());
            histories.computeIfAbsent(kernel.kernelId(), id -> new KernelHistory((int) WINDOW.toSeconds()))
                    .add(KernelSample.of(second, kernel));
        }
        histories.keySet().retainAll(present);
        return true;
    }

    /** @param kernelId a kernel @return its samples, oldest first; empty for an unknown kernel */
    List<KernelSample> samples(String kernelId) {
        KernelHistory history = histories.get(kernelId);
        return history == null ? List.of() : history.samples();
    }

    /** @param kernelId a kernel @return its newest sample, if any */
    Optional<KernelSample> latest(String kernelId) {
        return Optional.ofNullable(histories.get(kernelId)).flatMap(KernelHistory::latest);
    }
}
