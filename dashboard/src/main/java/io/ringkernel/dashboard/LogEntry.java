package io.ringkernel.dashboard;

import java.time.Instant;

/**
 * One line of the event log.
 *
 * @param time when it happened
 * @param kernelId the kernel it is about, or the empty string
 * @param text what happened
 * @param failure whether it reports something that went wrong
 */
record LogEntry(Instant time, String kernelId, String text, boolean failure) {

    /** @return an entry reporting something that went as it should */
    static LogEntry info(Instant time, String kernelId, String text) {
        return new LogEntry(time, kernelId, text, false);
    }

    /** @return an entry reporting something that went wrong */
    static LogEntry failure(Instant time, String kernelId, String text) {
        return new LogEntry(time, kernelId, text, true);
    }
}
