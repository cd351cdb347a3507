package io.ringkernel.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The assembled {@code bin/ringkernel} (laid out in {@code target/ringkernel} by
 * {@code package}) running as a child process. A reader thread collects its stdout and stderr,
 * merged in the order they were written, and stamps each line with {@link System#nanoTime()} as
 * it is read, so timings taken from the lines do not depend on how often a test polls them.
 * Every {@code await} gives up after 15 s, or as soon as the output has ended.
 */
final class RunningDistribution implements AutoCloseable {

    /** The installation folder. */
    static final Path HOME = Path.of(System.getProperty("ringkernel.home", "target/ringkernel"));

    private static final System.Logger LOG = System.getLogger(RunningDistribution.class.getName());
    private static final Pattern STARTED = Pattern.compile("RingKernel started in (\\d+) ms");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(10);

    private final Process process;
    private final Thread reader;
    private final List<OutputLine> lines = new CopyOnWriteArrayList<>();

    private RunningDistribution(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "ringkernel-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param options the launcher's command-line options
     * @return the running process, its output being read
     * @throws IOException if it cannot be started
     */
    static RunningDistribution start(String... options) throws IOException {
        return startWithJavaOptions("", options);
    }

    /**
     * @param javaOptions JVM options for the platform's JVM, as {@code RINGKERNEL_JAVA_OPTS} takes them
     * @param options the launcher's options
     * @return the running distribution
     * @throws IOException if the process cannot be started
     */
    static RunningDistribution startWithJavaOptions(String javaOptions, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/ringkernel").toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("RINGKERNEL_JAVA_OPTS", javaOptions);
        return new RunningDistribution(builder.start());
    }

    /**
     * @return the one kernel bundle in {@code deploy/}
     * @throws IOException if the folder cannot be listed
     * @throws AssertionError if there is not exactly one jar
     */
    static Path deployedJar() throws IOException {
        try (Stream<Path> files = Files.list(HOME.resolve("deploy"))) {
            List<Path> jars = files.filter(path -> path.toString().endsWith(".jar")).toList();
            if (jars.size() != 1) {
                throw new AssertionError("expected one jar in deploy/, found " + jars);
            }
            return jars.get(0);
        }
    }

    /** Waits for the {@code RingKernel started} line and logs the startup time it reports. */
    void awaitStarted() throws InterruptedException {
        OutputLine started = awaitLine(STARTED.asPredicate(), 0)
                .orElseThrow(() -> new AssertionError("no 'RingKernel started' line"));
        String millis = STARTED.matcher(started.text()).results().map(result -> result.group(1)).findFirst()
                .orElseThrow();
        LOG.log(System.Logger.Level.INFO, "distribution startup: {0} ms", millis);
    }

    /**
     * @param condition what the line must satisfy
     * @param fromLine the index of the first line to look at
     * @return the first such line, or empty if none came in time
     */
    Optional<OutputLine> awaitLine(Predicate<String> condition, int fromLine) throws InterruptedException {
        return await("line", () -> lines.stream().skip(fromLine).filter(line -> condition.test(line.text()))
                .findFirst());
    }

    /**
     * @param kernel the kernel
     * @param condition what its row must satisfy
     * @return the first such status-table row, or empty if none came in time
     */
    Optional<StatusRow> awaitRow(String kernel, Predicate<StatusRow> condition) throws InterruptedException {
        return awaitRow(kernel, condition, 0);
    }

    /**
     * @param kernel the kernel
     * @param condition what its row must satisfy
     * @param fromLine the index of the first line to look at
     * @return the first such status-table row, or empty if none came in time
     */
    Optional<StatusRow> awaitRow(String kernel, Predicate<StatusRow> condition, int fromLine)
            throws InterruptedException {
        return await("row for " + kernel, () -> rows(kernel, fromLine).filter(condition).findFirst());
    }

    /**
     * Waits until two tables in a row show the same processed count: the kernel has parked.
     *
     * @param kernel the kernel
     * @return its processed count while parked
     * @throws AssertionError if it kept processing
     */
    long awaitStall(String kernel) throws InterruptedException {
        int from = lineCount();
        return await("stall of " + kernel, () -> {
            List<StatusRow> seen = rows(kernel, from).toList();
            for (int i = 1; i < seen.size(); i++) {
                if (seen.get(i).processed() == seen.get(i - 1).processed()) {
                    return Optional.of(seen.get(i).processed());
                }
            }
            return Optional.empty();
        }).orElseThrow(() -> new AssertionError(kernel + " kept processing"));
    }

    /**
     * @param kernel the kernel
     * @param fromLine the index of the first line to look at
     * @return the kernel's status-table rows read so far, oldest first
     */
    Stream<StatusRow> rows(String kernel, int fromLine) {
        return lines.stream().skip(fromLine).map(line -> StatusRow.parse(line.text())).flatMap(Optional::stream)
                .filter(row -> row.kernel().equals(kernel));
    }

    /** @return the lines read so far, oldest first (a snapshot) */
    List<OutputLine> lines() {
        return Collections.unmodifiableList(new ArrayList<>(lines));
    }

    /** @return how many lines were read so far: the index the next line will have */
    int lineCount() {
        return lines.size();
    }

    /**
     * Types a line on the process's stdin, for the {@code --console} shell.
     *
     * @param line the line, without its terminator
     * @throws IOException if the pipe is closed
     */
    void type(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Closes the process's stdin: end of input, as Ctrl-D on a terminal. */
    void endInput() throws IOException {
        process.getOutputStream().close();
    }

    /** Sends SIGTERM; unlike {@link Process#destroy()} this leaves the output pipe open to be read. */
    void sigterm() {
        process.toHandle().destroy();
    }

    /**
     * Waits for the process to exit and for its last output line to be read.
     *
     * @param timeout how long to wait
     * @return whether it exited in time
     */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        reader.join(Duration.ofSeconds(5).toMillis());
        return true;
    }

    /** @return the exit status; only once it exited */
    int exitValue() {
        return process.exitValue();
    }

    /** Stops the process if it still runs: SIGTERM, then SIGKILL after 10 s or if interrupted. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

    private <T> Optional<T> await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Optional<T> found = probe.get();
            if (found.isPresent() || !reader.isAlive()) {
                return found;
            }
            Thread.sleep(POLL.toMillis());
        }
        LOG.log(System.Logger.Level.ERROR, "no matching {0} (waited up to {1} s or until the output ended); "
                + "output:\n{2}", what, WAIT.toSeconds(),
                lines.stream().map(OutputLine::text).collect(Collectors.joining("\n")));
        return Optional.empty();
    }

    private void readOutput() {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(new OutputLine(lines.size(), System.nanoTime(), line));
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "output closed", e);
        }
    }
}
