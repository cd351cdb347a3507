package io.ringkernel.dashboard;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Reads snapshots on a daemon thread, ten a second, and hands them to the JavaFX thread. Only the
 * newest outcome waits for that thread: one that arrives before the previous was applied
 * replaces it instead of queueing behind it. A failed read is handed over the same way and
 * polling goes on.
 */
final class SnapshotPoller implements AutoCloseable {
    /** Time between the end of one read and the start of the next. */
    static final Duration PERIOD = Duration.ofMillis(100);

    private final DashboardSource source;
    private final Consumer<DashboardSnapshot> onSnapshot;
    private final Consumer<RuntimeException> onFailure;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ringkernel-dashboard-poller"));
    private final AtomicReference<Runnable> pending = new AtomicReference<>();
    private volatile boolean closed;

    /**
     * @param source where snapshots are read
     * @param onSnapshot applies a snapshot, on the JavaFX thread
     * @param onFailure reports a failed read, on the JavaFX thread
     */
    SnapshotPoller(DashboardSource source, Consumer<DashboardSnapshot> onSnapshot, Consumer<RuntimeException> onFailure) {
        this.source = source;
        this.onSnapshot = onSnapshot;
        this.onFailure = onFailure;
    }

    /** Starts polling. */
    void start() {
        executor.scheduleWithFixedDelay(this::poll, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() {
        Runnable outcome;
        try {
            DashboardSnapshot snapshot = source.snapshot();
            outcome = () -> onSnapshot.accept(snapshot);
        } catch (RuntimeException e) {
            outcome = () -> onFailure.accept(e);
        }
        if (pending.getAndSet(outcome) == null) {
            Platform.runLater(this::applyPending);
        }
    }

    private void applyPending() {
        Runnable outcome = pending.getAndSet(null);
        if (outcome != null && !closed) {
            outcome.run();
        }
    }

    /** Stops polling; an outcome still on its way is dropped. */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
    }
}
