package io.ringkernel.dashboard;

import javafx.application.Platform;

/**
 * Starts the JavaFX platform once per JVM and runs work on its thread: {@link Platform#startup}
 * may be called only once, so a dashboard opened again (the bundle restarted) goes through
 * {@link Platform#runLater} instead.
 */
final class FxPlatform {
    private static boolean started;

    private FxPlatform() {
    }

    /** @param work what to run on the JavaFX thread */
    static synchronized void run(Runnable work) {
        if (started) {
            Platform.runLater(work);
            return;
        }
        started = true;
        Platform.setImplicitExit(false);
        try {
            Platform.startup(work);
        } catch (IllegalStateException alreadyRunning) {
            Platform.runLater(work);
        }
    }
}
