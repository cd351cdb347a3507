package io.ringkernel.api;

import java.time.Duration;
import java.util.Objects;

/**
 * What the runtime does when a kernel fails (its backend faulted, or its handler hung): leave
 * it {@link KernelStatus#FAILED}, or restart it, as an actor supervisor does. A restart launches
 * the kernel's code afresh on the same queues, with its handle, id and metrics kept; the calls
 * that were waiting when it failed have already failed with a typed error, and what was queued
 * then is dropped and counted. A kernel restarts at most {@code maxRestarts} times within any
 * {@code window}; one more failure in that window leaves it FAILED.
 *
 * @param maxRestarts restarts allowed within the window; 0 never restarts
 * @param window the sliding window the restarts are counted in
 */
public record RestartPolicy(int maxRestarts, Duration window) {

    /** Validates both settings. */
    public RestartPolicy {
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("maxRestarts must be >= 0, got " + maxRestarts);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the restart window must be a positive duration, got " + window);
        }
    }

    /** @return the default: a failed kernel stays FAILED */
    public static RestartPolicy never() {
        return new RestartPolicy(0, Duration.ofSeconds(1));
    }

    /**
     * @param maxRestarts restarts allowed within the window, at least 1
     * @param window the sliding window
     * @return a policy that restarts a failed kernel up to that often
     */
    public static RestartPolicy onFailure(int maxRestarts, Duration window) {
        if (maxRestarts < 1) {
            throw new IllegalArgumentException("a restart policy on failure needs maxRestarts >= 1, got "
                    + maxRestarts);
        }
        return new RestartPolicy(maxRestarts, window);
    }
}
