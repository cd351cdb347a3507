package io.ringkernel.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The launcher's command-line options.
 *
 * @param home the installation folder, holding {@code bundle/}, {@code conf/}, {@code deploy/}
 * @param headless whether to run without the dashboard: by default when no display is present
 *                 ({@code DISPLAY} or {@code WAYLAND_DISPLAY} unset), or when asked with {@code --headless}
 * @param console whether the Gogo console reads commands from stdin instead of the status table
 *                being printed to stdout
 * @param interval how often the status table is printed
 * @param demo whether to launch the sample kernels and drive demo traffic through them
 * @param exitAfter how long to run before stopping by itself; empty to run until stopped
 */
public record LauncherOptions(Path home, boolean headless, boolean console, Duration interval, boolean demo,
        Optional<Duration> exitAfter) {

    private static final String USAGE = "usage: ringkernel --home <dir> [--headless | --dashboard] [--interval <ms>]"
            + " [--console] [--demo | --no-demo] [--exit-after <seconds>]";

    /**
     * @param args the command line
     * @return the options; the dashboard where a display is present, the demo, and a table every second,
     *         unless told otherwise
     * @throws IllegalArgumentException with a usage line if an option is unknown or malformed
     */
    public static LauncherOptions parse(String... args) {
        Path home = null;
        Duration interval = Duration.ofSeconds(1);
        boolean demo = true;
        boolean console = false;
        boolean headless = System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null;
        Optional<Duration> exitAfter = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(value(args, ++i));
                case "--headless" -> headless = true;
                case "--dashboard" -> headless = false;
                case "--console" -> console = true;
                case "--interval" -> interval = Duration.ofMillis(positive(value(args, ++i)));
                case "--demo" -> demo = true;
                case "--no-demo" -> demo = false;
                case "--exit-after" -> exitAfter = Optional.of(Duration.ofSeconds(positive(value(args, ++i))));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (home == null) {
            throw new IllegalArgumentException("--home is missing\n" + USAGE);
        }
        return new LauncherOptions(home, headless, console, interval, demo, exitAfter);
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static long positive(String text) {
        try {
            long value = Long.parseLong(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a positive whole number, got '" + text + "'\n" + USAGE);
    }
}
