package io.ringkernel.dashboard;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/**
 * Runs the user's actions one after the other on a daemon thread, never on the JavaFX thread,
 * and reports each outcome in the status bar and the event log; a failure shows its exception's
 * message in the error colour.
 */
final class ActionRunner implements AutoCloseable {
    private final StatusBar status;
    private final EventLog log;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(DaemonThreads.named("ringkernel-dashboard-actions"));

    /**
     * @param status where outcomes show
     * @param log where outcomes are recorded
     */
    ActionRunner(StatusBar status, EventLog log) {
        this.status = status;
        this.log = log;
    }

    /**
     * Runs an action off the JavaFX thread. Call on the JavaFX thread.
     *
     * @param kernelId the kernel it is about, or the empty string
     * @param description what it does, e.g. "deactivate k1"
     * @param action does it and returns the text that reports its success
     */
    void run(String kernelId, String description, Callable<String> action) {
        status.info(description + "…");
        executor.execute(() -> {
            try {
                String outcome = action.call();
                Platform.runLater(() -> succeeded(kernelId, outcome));
            } catch (Exception e) {
                Platform.runLater(() -> failed(kernelId, description + " failed: " + Formats.message(e)));
            }
        });
    }

    /**
     * Reports an action refused before it ran. Call on the JavaFX thread.
     *
     * @param kernelId the kernel it is about, or the empty string
     * @param reason why it was refused
     */
    void refuse(String kernelId, String reason) {
        failed(kernelId, reason);
    }

    private void succeeded(String kernelId, String text) {
        status.info(text);
        log.add(LogEntry.info(Instant.now(), kernelId, text));
    }

    private void failed(String kernelId, String text) {
        status.error(text);
        log.add(LogEntry.failure(Instant.now(), kernelId, text));
    }

    /** Stops taking actions; one running is interrupted. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
