package io.ringkernel.runtime.internal;

import java.util.concurrent.locks.LockSupport;

/** Waits between retries: spins first, then yields, then parks for short, growing intervals. */
final class Backoff {
    private static final int SPINS = 100;
    private static final int YIELDS = 20;
    private static final long MAX_PARK_NANOS = 100_000;
    private int attempts;

    void idle() {
        attempts++;
        if (attempts <= SPINS) {
            Thread.onSpinWait();
        } else if (attempts <= SPINS + YIELDS) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(Math.min(MAX_PARK_NANOS, 1_000L << Math.min(attempts - SPINS - YIELDS, 7)));
        }
    }
}
