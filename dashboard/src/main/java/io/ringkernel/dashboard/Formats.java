package io.ringkernel.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard writes numbers, sizes and times. */
final class Formats {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Formats() {
    }

    /** @param value a count @return it with digit grouping */
    static String count(Number value) {
        return String.format(Locale.ROOT, "%,d", value.longValue());
    }

    /** @param value a rate or a latency @return it with one decimal */
    static String decimal(Number value) {
        return String.format(Locale.ROOT, "%,.1f", value.doubleValue());
    }

    /** @param duration a latency @return it in microseconds */
    static double micros(Duration duration) {
        return duration.toNanos() / 1_000.0;
    }

    /** @param bytes a memory size, 0 when shared with the host @return it in binary units */
    static String bytes(long bytes) {
        if (bytes <= 0) {
            return "shared memory";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, BYTE_UNITS[unit]);
    }

    /** @param time a moment @return its local wall-clock time to the millisecond */
    static String clock(Instant time) {
        return CLOCK.format(time);
    }

    /** @param epochSecond a moment in seconds since the epoch @return its local wall-clock time to the second */
    static String clockSeconds(long epochSecond) {
        return SECONDS.format(Instant.ofEpochSecond(epochSecond));
    }

    /** @param failure an exception @return its message, or its type where it has none */
    static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
