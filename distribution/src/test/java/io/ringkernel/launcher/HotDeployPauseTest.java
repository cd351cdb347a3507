package io.ringkernel.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replaces the sample kernels' jar in {@code deploy/} while the demo calls them, five times, and
 * logs the pause of each update: from the moment the new jar landed (its atomic rename returned)
 * to the moment the launcher's line "kernel 'echo' answers with the new code" was read, which the
 * launcher writes when a call made under the new definition is answered.
 *
 * <p>Resolution: both instants are {@link System#nanoTime()} in this JVM, the line stamped by the
 * reader thread as it arrives; the launcher's demo calls every 10 ms, so the line comes at most
 * one tick (plus a call) after the new code could first answer.
 *
 * <p>Asserts outcomes, never durations: every update swaps echo's code in place (the runtime says
 * so, the demo never relaunches echo, its state is always ACTIVE), the new code answers with no
 * error reply or dropped message, and the status table shows echo processing again.
 */
class HotDeployPauseTest {

    private static final System.Logger LOG = System.getLogger(HotDeployPauseTest.class.getName());
    private static final int UPDATES = 5;
    private static final Duration BETWEEN_UPDATES = Duration.ofMillis(300);
    private static final Pattern SWAPPED = Pattern.compile("kernel 'echo' now runs the new code");
    private static final Pattern ANSWERING = Pattern.compile("kernel 'echo' answers with the new code (\\d+) ms "
            + "after its definition left \\((\\d+) errors, (\\d+) dropped, (\\d+) late replies\\)");
    private static final String LAUNCHED = "launched demo kernel echo";

    @Test
    @Timeout(120)
    void shouldAnswerWithTheNewCodeAfterEveryUpdateOfItsJar() throws Exception {
        try (RunningDistribution distribution =
                RunningDistribution.start("--headless", "--interval", "50", "--exit-after", "90")) {
            distribution.awaitStarted();
            assertThat(distribution.awaitRow("echo", row -> row.active() && row.processed() > 0)).isPresent();
            Path jar = RunningDistribution.deployedJar();

            List<Pause> pauses = new ArrayList<>();
            for (int update = 0; update < UPDATES; update++) {
                Thread.sleep(BETWEEN_UPDATES.toMillis());
                pauses.add(replace(jar, distribution));
            }

            assertThat(distribution.rows("echo", 0)).extracting(StatusRow::state).containsOnly("ACTIVE");
            assertThat(distribution.lines()).extracting(OutputLine::text)
                    .filteredOn(text -> text.contains(LAUNCHED)).as("echo is launched once, then swapped in place")
                    .hasSize(1);
            log(jar, pauses);
        }
    }

    /** Lands a fresh copy of the jar and waits for echo's new code to answer. */
    private static Pause replace(Path jar, RunningDistribution distribution) throws Exception {
        // A fresh copy has a new modification time: FileInstall's checksum (name, size, mtime) changes.
        Path staging = jar.resolveSibling(jar.getFileName() + ".tmp");
        Files.copy(jar, staging, StandardCopyOption.REPLACE_EXISTING);
        int from = distribution.lineCount();
        Files.move(staging, jar, StandardCopyOption.ATOMIC_MOVE);
        long landed = System.nanoTime();

        assertThat(distribution.awaitLine(SWAPPED.asPredicate(), from)).as("the runtime swaps echo's code").isPresent();
        OutputLine answering = distribution.awaitLine(ANSWERING.asPredicate(), from)
                .orElseThrow(() -> new AssertionError("echo's new code did not answer"));
        Matcher counters = ANSWERING.matcher(answering.text());
        assertThat(counters.find()).isTrue();
        assertThat(counters.group(2)).as("error replies").isEqualTo("0");
        assertThat(counters.group(3)).as("dropped messages").isEqualTo("0");

        long before = lastEchoRowBefore(distribution, answering.index()).map(StatusRow::processed).orElse(0L);
        assertThat(distribution.awaitRow("echo", row -> row.processed() > before, answering.index()))
                .as("the table shows echo processing after the update").isPresent();
        return new Pause(TimeUnit.NANOSECONDS.toMillis(answering.nanos() - landed),
                Long.parseLong(counters.group(1)), Long.parseLong(counters.group(4)));
    }

    private static Optional<StatusRow> lastEchoRowBefore(RunningDistribution distribution, int index) {
        return distribution.lines().stream().limit(index).map(line -> StatusRow.parse(line.text()))
                .flatMap(Optional::stream).filter(row -> row.kernel().equals("echo")).reduce((first, second) -> second);
    }

    private static void log(Path jar, List<Pause> pauses) {
        List<Long> total = pauses.stream().map(Pause::totalMillis).sorted().toList();
        List<Long> parked = pauses.stream().map(Pause::parkedMillis).sorted().toList();
        LOG.log(System.Logger.Level.INFO, "{0} updates of {1} in deploy/: jar landing to echo''s new code answering "
                + "p50 {2,number,#} ms, max {3,number,#} ms (in order: {4} ms); of that, echo parked (definition gone "
                + "to new code answering) p50 {5,number,#} ms, max {6,number,#} ms (in order: {7} ms); "
                + "{8,number,#} late replies; resolution ~10 ms (demo tick)",
                pauses.size(), jar.getFileName(), median(total), total.get(total.size() - 1),
                pauses.stream().map(Pause::totalMillis).toList(), median(parked), parked.get(parked.size() - 1),
                pauses.stream().map(Pause::parkedMillis).toList(), pauses.get(pauses.size() - 1).lateReplies());
    }

    private static long median(List<Long> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    /**
     * One update's pause.
     *
     * @param totalMillis from the jar landing to the new code's answer being read
     * @param parkedMillis from echo's old definition leaving to the new code answering, as the launcher reports it
     * @param lateReplies echo's replies so far that came after their call timed out
     */
    private record Pause(long totalMillis, long parkedMillis, long lateReplies) {
    }
}
