package io.ringkernel.dashboard;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Reads JavaFX state from a test thread, on the JavaFX thread. */
final class Fx {
    /** How long a test waits for the dashboard to catch up. */
    static final long WAIT_SECONDS = 10;

    private Fx() {
    }

    /** @param read a read of JavaFX state @return its value, read on the JavaFX thread */
    static <T> T read(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }

    /**
     * @param condition a condition on JavaFX state
     * @throws TimeoutException if it does not hold within {@link #WAIT_SECONDS}
     */
    static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> read(condition));
    }
}
