package io.ringkernel.runtime.internal;

import java.time.Duration;

/**
 * A sender's wait for room in a full queue, from its first refused try until its timeout: backs
 * off between tries and checks, before each, that the kernel still takes messages.
 */
final class RoomWait {
    private final long deadline;
    private final Runnable accepting;
    private final Backoff backoff = new Backoff();

    /**
     * @param timeout how long the queue may stay full, from now
     * @param accepting throws if the kernel stopped taking messages
     */
    RoomWait(Duration timeout, Runnable accepting) {
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.accepting = accepting;
    }

    /**
     * Call after a try that found no room.
     *
     * @return true after a short wait, to try again; false once the timeout has passed
     */
    boolean again() {
        if (System.nanoTime() - deadline >= 0) {
            return false;
        }
        accepting.run();
        backoff.idle();
        return true;
    }
}
