package io.ringkernel.conformance.chaos;

import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelException;
import io.ringkernel.api.RingKernelRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The moves of a churn test's chaos thread: at random intervals it picks a kernel and a move —
 * terminate it and launch it again under the same id (half the time deactivated first, so that
 * messages queued meanwhile are dropped), deactivate it and activate it again, or
 * launch an extra kernel, call it once and terminate it. Counts the moves by kind; a move the
 * runtime refuses with a typed error is counted as refused, anything else goes to the ledger as a
 * violation.
 */
final class Churn {
    /** What the chaos thread does to a kernel. */
    enum Move {
        /** Terminate a kernel and launch it again under the same id, half the time deactivated first. */
        RELAUNCH,
        /** Deactivate a kernel, let messages queue for a moment, and activate it again. */
        PAUSE,
        /** Launch an extra kernel, call it once and terminate it. */
        EXTRA
    }

    private static final int MAX_INTERVAL_MILLIS = 200;
    private static final int MAX_PAUSE_MILLIS = 50;

    private final RingKernelRuntime runtime;
    private final Ledger ledger;
    private final List<ChaosKernel> kernels;
    private final LaunchOptions options;
    private final Duration timeout;
    private final Map<String, Long> moves = new TreeMap<>();
    private int extras;

    /**
     * @param runtime the runtime under test
     * @param ledger where requests and violations are kept
     * @param kernels the kernels the callers keep busy
     * @param options how an extra kernel is launched
     * @param timeout a call's timeout, and how long an extra kernel's replies may take at its end
     */
    Churn(RingKernelRuntime runtime, Ledger ledger, List<ChaosKernel> kernels, LaunchOptions options,
          Duration timeout) {
        this.runtime = runtime;
        this.ledger = ledger;
        this.kernels = kernels;
        this.options = options;
        this.timeout = timeout;
    }

    /**
     * Makes random moves at random intervals of 0–{@value #MAX_INTERVAL_MILLIS} ms until the time is up.
     *
     * @param time how long the churn lasts
     * @param random the moves' random numbers, from the seed the test logs
     * @throws InterruptedException if interrupted between moves
     */
    void run(Duration time, Random random) throws InterruptedException {
        long end = System.nanoTime() + time.toNanos();
        while (System.nanoTime() - end < 0) {
            Thread.sleep(random.nextInt(MAX_INTERVAL_MILLIS + 1));
            Move move = Move.values()[random.nextInt(Move.values().length)];
            ChaosKernel kernel = kernels.get(random.nextInt(kernels.size()));
            switch (move) {
                case RELAUNCH -> relaunch(kernel, random);
                case PAUSE -> pause(kernel, Duration.ofMillis(random.nextInt(MAX_PAUSE_MILLIS + 1)));
                case EXTRA -> extra(random);
            }
        }
    }

    /** Terminates the kernel and launches it again; half the time while deactivated, so that queued messages are dropped. */
    private void relaunch(ChaosKernel kernel, Random random) throws InterruptedException {
        String move = "terminate and launch again";
        if (random.nextBoolean()) {
            if (!deactivate(kernel)) {
                return;
            }
            Thread.sleep(random.nextInt(MAX_PAUSE_MILLIS + 1));
            move = "deactivate, terminate and launch again";
        }
        count(kernel.relaunch() ? move : "launch again refused");
    }

    private void pause(ChaosKernel kernel, Duration pause) throws InterruptedException {
        if (!deactivate(kernel)) {
            return;
        }
        Thread.sleep(pause.toMillis());
        try {
            runtime.activate(kernel.id());
            count("deactivate and activate");
        } catch (RuntimeException e) {
            ledger.violation("activating deactivated " + kernel.id() + " failed: " + Ledger.stackTrace(e));
        }
    }

    /** @return whether the kernel was deactivated; a typed refusal is counted, anything else is a violation */
    private boolean deactivate(ChaosKernel kernel) {
        try {
            runtime.deactivate(kernel.id());
            return true;
        } catch (RingKernelException refused) {
            count("deactivate refused: " + CallLoad.kind(refused));
        } catch (RuntimeException e) {
            ledger.violation("deactivating " + kernel.id() + " failed outside the platform's API: " + Ledger.stackTrace(e));
        }
        return false;
    }

    private void extra(Random random) {
        extras++;
        ChaosKernel extra = ChaosKernel.calling(runtime, ledger, "churn-extra-" + extras, options, CallLoad.PING);
        extra.launch();
        extra.exchange(0, random, timeout);
        extra.finish(timeout);
        count("extra launched, called and terminated");
    }

    private void count(String move) {
        synchronized (moves) {
            moves.merge(move, 1L, Long::sum);
        }
    }

    /** @return the moves made so far, by kind */
    Map<String, Long> moves() {
        synchronized (moves) {
            return new TreeMap<>(moves);
        }
    }
}
