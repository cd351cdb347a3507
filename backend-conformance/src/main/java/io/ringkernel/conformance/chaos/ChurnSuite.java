package io.ringkernel.conformance.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.LaunchOptions;
import io.ringkernel.conformance.BackendPresence;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.RuntimeOnBackend;
import io.ringkernel.spi.Backend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The runtime's promise under churn, on one backend through the public API: every request ends in
 * exactly one outcome while kernels are terminated and launched again, deactivated and activated,
 * and extra kernels come and go. {@value #CALLERS} caller threads keep three conformance kernels
 * busy back to back — two with {@link CallLoad#PING} calls, one with pings sent and received —
 * every request followed by a {@link Ledger}; a chaos thread makes {@link Churn}'s moves at random
 * intervals, from a seed it logs. At the end the ledger must balance exactly: each request replied
 * to with its own ping, failed with a typed error, or — for a sent ping its kernel never processed
 * — among the messages a terminated kernel's metrics count as dropped; no request left open, no
 * second outcome, no wrong reply, no exception outside the platform's API, no hung thread, and no
 * more late replies than calls that timed out. It logs requests, replies, failures and moves by
 * kind.
 *
 * <p>A backend runs it through a subclass that names its {@link Backend}; where that backend
 * cannot run here the test is skipped with the reason, or fails where {@value BackendPresence#REQUIRED}
 * names it. It lasts {@value #DEFAULT_SECONDS} s unless the system property {@value #SECONDS}
 * names other seconds; the system property {@value #SEED} replays a logged seed's moves.
 */
public abstract class ChurnSuite extends RuntimeOnBackend {
    /** The system property that sets how many seconds the churn lasts. */
    public static final String SECONDS = "ringkernel.churn.seconds";
    /** The system property that sets the seed of the chaos thread's moves and the callers' picks. */
    public static final String SEED = "ringkernel.churn.seed";
    /** Seconds of churn unless {@value #SECONDS} says otherwise: a short run for every build. */
    public static final long DEFAULT_SECONDS = 5;
    private static final System.Logger LOG = System.getLogger(ChurnSuite.class.getName());
    private static final int CALLERS = 4;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);
    /** How long a caller waits after a request that got no reply, so that a refusing kernel is not hammered. */
    private static final Duration PAUSE = Duration.ofMillis(20);
    /** How long a thread's end, or the replies still coming at the end, may take. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final LaunchOptions OPTIONS = LaunchOptions.defaults().withDefinition(ConformanceKernel.ID);

    private final Ledger ledger = new Ledger();

    @Test
    void shouldGiveEveryRequestExactlyOneOutcomeWhileKernelsComeAndGo() throws InterruptedException {
        long seconds = Long.getLong(SECONDS, DEFAULT_SECONDS);
        long seed = Long.getLong(SEED, ThreadLocalRandom.current().nextLong());
        LOG.log(System.Logger.Level.INFO, "churn on {0} for {1} s with seed {2} (replay with -D{3}={2})",
                backend().type(), seconds, Long.toString(seed), SEED);
        List<ChaosKernel> kernels = List.of(
                ChaosKernel.calling(runtime, ledger, "churn-call-0", OPTIONS, CallLoad.PING),
                ChaosKernel.calling(runtime, ledger, "churn-call-1", OPTIONS, CallLoad.PING),
                ChaosKernel.streaming(runtime, ledger, "churn-stream-2", OPTIONS, new PingStream()));
        kernels.forEach(ChaosKernel::launch);
        Churn churn = new Churn(runtime, ledger, kernels, OPTIONS, CALL_TIMEOUT);
        AtomicBoolean calling = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(CALLERS + 1);
        long start = System.nanoTime();
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int caller = 0; caller < CALLERS; caller++) {
                int number = caller;
                Random random = new Random(seed + caller + 1);
                callers.add(threads.submit(() -> call(number, kernels, random, calling)));
            }
            Future<?> chaos = threads.submit(() -> {
                churn.run(Duration.ofSeconds(seconds), new Random(seed));
                return null;
            });
            awaitEnd("the churn thread", chaos, Duration.ofSeconds(seconds).plus(TIMEOUT));
            calling.set(false);
            for (int caller = 0; caller < CALLERS; caller++) {
                awaitEnd("caller " + caller, callers.get(caller), CALL_TIMEOUT.plus(TIMEOUT));
            }
        } finally {
            calling.set(false);
            threads.shutdownNow();
        }
        kernels.forEach(kernel -> kernel.finish(TIMEOUT));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        LOG.log(System.Logger.Level.INFO, "churn on {0} for {1} s with seed {2} took {3} ms with {4} callers:\n"
                        + "  {5}\n  moves: {6}", backend().type(), seconds, Long.toString(seed), took.toMillis(), CALLERS,
                ChaosKernel.report(ledger, kernels), churn.moves());
        ledger.assertBalanced(seed);
        assertThat(churn.moves()).as("moves made").isNotEmpty();
    }

    private Void call(int caller, List<ChaosKernel> kernels, Random random, AtomicBoolean calling)
            throws InterruptedException {
        while (calling.get()) {
            ChaosKernel kernel = kernels.get(random.nextInt(kernels.size()));
            if (!kernel.exchange(caller, random, CALL_TIMEOUT) && calling.get()) {
                Thread.sleep(PAUSE.toMillis());
            }
        }
        return null;
    }

    /** Waits for a thread's task to end; one that fails or hangs is a violation. */
    private void awaitEnd(String name, Future<?> task, Duration timeout) throws InterruptedException {
        try {
            task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            ledger.violation(name + " died: " + Ledger.stackTrace(e.getCause()));
        } catch (TimeoutException e) {
            ledger.violation(name + " hangs after " + timeout.toSeconds() + " s");
            task.cancel(true);
        }
    }
}
