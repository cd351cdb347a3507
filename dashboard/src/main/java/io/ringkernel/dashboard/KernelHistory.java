package io.ringkernel.dashboard;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/** A kernel's most recent samples, oldest first, never more than its capacity. */
final class KernelHistory {
    private final int capacity;
    private final ArrayDeque<KernelSample> samples;

    /** @param capacity how many samples it keeps */
    KernelHistory(int capacity) {
        this.capacity = capacity;
        this.samples = new ArrayDeque<>(capacity);
    }

    /** @param sample the newest sample; the oldest goes when the history is full */
    void add(KernelSample sample) {
        if (samples.size() == capacity) {
            samples.removeFirst();
        }
        samples.addLast(sample);
    }

    /** @return the samples, oldest first */
    List<KernelSample> samples() {
        return List.copyOf(samples);
    }

    /** @return the newest sample, if any */
    Optional<KernelSample> latest() {
        return Optional.ofNullable(samples.peekLast());
    }
}
