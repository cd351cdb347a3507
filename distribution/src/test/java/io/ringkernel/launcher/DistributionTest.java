package io.ringkernel.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the assembled {@code bin/ringkernel} as a real process (failsafe, after {@code package}
 * laid out {@code target/ringkernel}): it starts, its demo kernels answer, the kernels' bundle
 * hot-deploys out of and back into {@code deploy/}, and the process stops by itself or on SIGTERM.
 */
class DistributionTest {

    private static final System.Logger LOG = System.getLogger(DistributionTest.class.getName());
    private static final Path HOME = Path.of(System.getProperty("ringkernel.home", "target/ringkernel"));
    private static final Pattern STARTED = Pattern.compile("RingKernel started in (\\d+) ms");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Process process;
    private Thread reader;

    @AfterEach
    void stopProcess() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Timeout(90)
    void shouldRunDemoKernelsSurviveRedeployAndExitByItself() throws Exception {
        start("--headless", "--interval", "200", "--exit-after", "20");
        awaitStarted();
        assertThat(awaitRow("echo", row -> row.active() && row.processed() > 0)).isPresent();
        assertThat(awaitRow("rolling-stats", row -> row.active() && row.processed() > 0)).isPresent();

        Path deployed = onlyJarIn(HOME.resolve("deploy"));
        Path parked = Files.move(deployed, HOME.resolve("var").resolve(deployed.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        long stalled = awaitStall("echo");

        Path staging = deployed.resolveSibling(deployed.getFileName() + ".tmp");
        Files.copy(parked, staging, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staging, deployed, StandardCopyOption.ATOMIC_MOVE);
        long resumedFrom = lines.size();
        Optional<Row> answering = awaitRow("echo", row -> row.active() && row.processed() > stalled, resumedFrom);
        assertThat(answering).as("echo answers again after its bundle is redeployed").isPresent();

        assertThat(awaitExit(Duration.ofSeconds(40))).as("exits after --exit-after 20").isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(lines).contains("RingKernel stopped");
    }

    @Test
    @Timeout(60)
    void shouldStopWithinTenSecondsOnSigterm() throws Exception {
        start("--headless", "--interval", "200", "--exit-after", "60");
        awaitStarted();
        assertThat(awaitRow("echo", row -> row.active() && row.processed() > 0)).isPresent();

        // SIGTERM through the handle: Process.destroy() would also close the pipe we read from
        process.toHandle().destroy();

        assertThat(awaitExit(Duration.ofSeconds(10))).as("stops within 10 s of SIGTERM").isTrue();
        assertThat(lines).contains("RingKernel stopped");
    }

    private void start(String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/ringkernel").toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        reader = new Thread(this::readOutput, "ringkernel-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for the process to exit and for its last output line to be read. */
    private boolean awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        reader.join(Duration.ofSeconds(5).toMillis());
        return true;
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "output closed", e);
        }
    }

    private void awaitStarted() throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            for (String line : lines) {
                Matcher matcher = STARTED.matcher(line);
                if (matcher.find()) {
                    LOG.log(System.Logger.Level.INFO, "distribution startup: {0} ms", matcher.group(1));
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no 'RingKernel started' line; output:\n" + String.join("\n", lines));
    }

    private Optional<Row> awaitRow(String kernel, Predicate<Row> condition) throws InterruptedException {
        return awaitRow(kernel, condition, 0);
    }

    private Optional<Row> awaitRow(String kernel, Predicate<Row> condition, long fromLine)
            throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Optional<Row> match = rows(kernel, fromLine).filter(condition).findFirst();
            if (match.isPresent()) {
                return match;
            }
            Thread.sleep(50);
        }
        LOG.log(System.Logger.Level.ERROR, "no matching row for {0}; output:\n{1}", kernel, String.join("\n", lines));
        return Optional.empty();
    }

    /** Waits until two tables in a row show the same processed count: the kernel has parked. */
    private long awaitStall(String kernel) throws InterruptedException {
        long from = lines.size();
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            List<Row> seen = rows(kernel, from).toList();
            for (int i = 1; i < seen.size(); i++) {
                if (seen.get(i).processed() == seen.get(i - 1).processed()) {
                    return seen.get(i).processed();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(kernel + " kept processing after its bundle left deploy/");
    }

    private Stream<Row> rows(String kernel, long fromLine) {
        return lines.stream().skip(fromLine).map(Row::parse).flatMap(Optional::stream)
                .filter(row -> row.kernel().equals(kernel));
    }

    private static Path onlyJarIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> jars = files.filter(path -> path.toString().endsWith(".jar")).toList();
            assertThat(jars).hasSize(1);
            return jars.get(0);
        }
    }

    /** One row of the status table. */
    private record Row(String kernel, String state, long processed) {

        static Optional<Row> parse(String line) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length != 7 || !cells[3].matches("\\d+")) {
                return Optional.empty();
            }
            return Optional.of(new Row(cells[0], cells[1], Long.parseLong(cells[3])));
        }

        boolean active() {
            return state.equals("ACTIVE");
        }
    }
}
