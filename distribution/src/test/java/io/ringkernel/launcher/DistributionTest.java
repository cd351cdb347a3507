package io.ringkernel.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the assembled {@code bin/ringkernel} as a real process (failsafe, after {@code package}
 * laid out {@code target/ringkernel}): it starts, its demo kernels answer, the kernels' bundle
 * hot-deploys out of and back into {@code deploy/}, the Gogo console answers {@code rk:} commands
 * and lists the shipped backends with their bundles active, a kernel bundle is installed from
 * {@code deploy/} and from no other folder, and the process stops by itself, on SIGTERM or when
 * the console's input ends.
 */
class DistributionTest {
    /** Ten of FileInstall's scans of {@code deploy/}, 200 ms apart ({@code conf/ringkernel.properties}). */
    private static final Duration FILEINSTALL_SCANS = Duration.ofSeconds(2);
    private static final String ECHO_DEPLOYED = "launched demo kernel echo";
    private static final String NO_ECHO = "no kernel definition with id 'echo'";

    private RunningDistribution distribution;

    @AfterEach
    void stopProcess() {
        if (distribution != null) {
            distribution.close();
        }
    }

    @Test
    @Timeout(90)
    void shouldRunDemoKernelsSurviveRedeployAndExitByItself() throws Exception {
        distribution = RunningDistribution.start("--headless", "--interval", "200", "--exit-after", "20");
        distribution.awaitStarted();
        assertThat(distribution.awaitRow("echo", row -> row.active() && row.processed() > 0)).isPresent();
        assertThat(distribution.awaitRow("rolling-stats", row -> row.active() && row.processed() > 0)).isPresent();

        Path deployed = RunningDistribution.deployedJar();
        Path parked = Files.move(deployed, RunningDistribution.HOME.resolve("var").resolve(deployed.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        long stalled = distribution.awaitStall("echo");

        Path staging = deployed.resolveSibling(deployed.getFileName() + ".tmp");
        Files.copy(parked, staging, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staging, deployed, StandardCopyOption.ATOMIC_MOVE);
        int resumedFrom = distribution.lineCount();
        Optional<StatusRow> answering = distribution.awaitRow("echo",
                row -> row.active() && row.processed() > stalled, resumedFrom);
        assertThat(answering).as("echo answers again after its bundle is redeployed").isPresent();

        assertThat(distribution.awaitExit(Duration.ofSeconds(40))).as("exits after --exit-after 20").isTrue();
        assertThat(distribution.exitValue()).isZero();
        assertThat(distribution.lines()).extracting(OutputLine::text).contains("RingKernel stopped");
    }

    @Test
    @Timeout(60)
    void shouldStopWithinTenSecondsOnSigterm() throws Exception {
        distribution = RunningDistribution.start("--headless", "--interval", "200", "--exit-after", "60");
        distribution.awaitStarted();
        assertThat(distribution.awaitRow("echo", row -> row.active() && row.processed() > 0)).isPresent();

        distribution.sigterm();

        assertThat(distribution.awaitExit(Duration.ofSeconds(10))).as("stops within 10 s of SIGTERM").isTrue();
        assertThat(distribution.lines()).extracting(OutputLine::text).contains("RingKernel stopped");
    }

    @Test
    @Timeout(60)
    void shouldAnswerShellCommandsOnTheConsoleAndStopWhenItsInputEnds() throws Exception {
        distribution = RunningDistribution.start("--console", "--exit-after", "50");
        distribution.awaitStarted();
        assertThat(distribution.awaitLine(line -> line.contains("launched demo kernel echo"), 0)).isPresent();

        int listed = distribution.lineCount();
        distribution.type("rk:list");
        assertThat(distribution.awaitLine(line -> line.matches(".*echo\\s+ACTIVE\\s+CPU\\s+\\d+.*"), listed))
                .as("rk:list shows the demo's echo kernel").isPresent();
        int refused = distribution.lineCount();
        distribution.type("rk:activate no-such-kernel");
        assertThat(distribution.awaitLine(line -> line.contains("no-such-kernel"), refused))
                .as("a command on an unknown kernel says which").isPresent();

        distribution.endInput();
        assertThat(distribution.awaitExit(Duration.ofSeconds(15))).as("stops when the console's input ends").isTrue();
        assertThat(distribution.exitValue()).isZero();
        assertThat(distribution.lines()).extracting(OutputLine::text).contains("RingKernel stopped");
    }

    @Test
    @Timeout(60)
    void shouldTakeTheRuntimesLimitsFromProperties() throws Exception {
        distribution = RunningDistribution.startWithJavaOptions("-Dringkernel.maxKernels=1", "--console", "--no-demo",
                "--exit-after", "50");
        distribution.awaitStarted();

        int before = distribution.lineCount();
        distribution.type("rk:launch first echo");
        distribution.type("rk:launch second echo");
        assertThat(distribution.awaitLine(line -> line.contains(
                "cannot launch kernel 'second': 1 kernels are alive, the runtime's limit (maxKernels) is 1"), before))
                .as("the second launch is refused by ringkernel.maxKernels=1").isPresent();

        distribution.endInput();
        assertThat(distribution.awaitExit(Duration.ofSeconds(15))).as("stops when the console's input ends").isTrue();
    }

    @Test
    @Timeout(60)
    void shouldListTheAparapiBackendAsAvailableWithItsBundlesActive() throws Exception {
        distribution = RunningDistribution.start("--console", "--no-demo", "--exit-after", "50");
        distribution.awaitStarted();

        int listed = distribution.lineCount();
        distribution.type("rk:backends");
        assertThat(distribution.awaitLine(line -> line.matches(
                ".*APARAPI\\s+\\S+\\s+available; devices: .*#\\d+ Java thread pool \\(Aparapi\\) .*"), listed))
                .as("rk:backends lists APARAPI as available, Aparapi's Java thread pool among its devices").isPresent();
        int bundles = distribution.lineCount();
        distribution.type("lb -s");
        for (String bundle : List.of("io.ringkernel.native-aparapi", "io.ringkernel.backend-aparapi-bundle")) {
            assertThat(distribution.awaitLine(line -> line.matches(
                    ".*\\|Active\\s*\\|\\s*\\d+\\|" + Pattern.quote(bundle) + " \\(.*"), bundles))
                    .as("lb -s shows " + bundle + " Active").isPresent();
        }

        distribution.endInput();
        assertThat(distribution.awaitExit(Duration.ofSeconds(15))).as("stops when the console's input ends").isTrue();
        assertThat(distribution.exitValue()).isZero();
    }

    @Test
    @Timeout(60)
    void shouldInstallAKernelBundleFromDeployAndFromNoOtherFolder(@TempDir Path parking) throws Exception {
        Path deployed = RunningDistribution.deployedJar();
        String jarName = deployed.getFileName().toString();
        Path kernels = Files.move(deployed, parking.resolve(jarName));
        List<Path> elsewhere = List.of(RunningDistribution.HOME.resolve(jarName),
                RunningDistribution.HOME.resolve("conf").resolve(jarName),
                RunningDistribution.HOME.resolve("bundle").resolve(jarName));
        try {
            Files.copy(kernels, elsewhere.get(0));
            Files.copy(kernels, elsewhere.get(1));
            distribution = RunningDistribution.start("--console", "--exit-after", "50");
            distribution.awaitStarted();
            Files.copy(kernels, elsewhere.get(2));
            // Nothing is to happen: give FileInstall time to do it wrong.
            Thread.sleep(FILEINSTALL_SCANS.toMillis());

            int absent = distribution.lineCount();
            distribution.type("lb -l");
            distribution.type("rk:launch echo");
            assertThat(distribution.awaitLine(line -> line.contains(NO_ECHO), absent))
                    .as("no echo definition with the jar in the root, conf/ and bundle/").isPresent();
            assertThat(distribution.lines()).extracting(OutputLine::text)
                    .noneMatch(line -> line.contains(jarName)).noneMatch(line -> line.contains(ECHO_DEPLOYED));

            Path staging = deployed.resolveSibling(jarName + ".tmp");
            Files.copy(kernels, staging);
            Files.move(staging, deployed, StandardCopyOption.ATOMIC_MOVE);
            assertThat(distribution.awaitLine(line -> line.contains(ECHO_DEPLOYED), absent))
                    .as("echo's definition comes from deploy/").isPresent();
            int present = distribution.lineCount();
            distribution.type("lb -l");
            distribution.type("rk:call echo 1 deployed");
            assertThat(distribution.awaitLine(line -> line.contains("Greeting[text=deployed]"), present))
                    .as("echo answers").isPresent();
            assertThat(distribution.lines().stream().skip(present).map(OutputLine::text)
                    .filter(line -> line.contains(jarName))).as("bundles installed from the jar (lb -l)")
                    .singleElement().asString().contains("/deploy/" + jarName);
        } finally {
            for (Path copy : elsewhere) {
                Files.deleteIfExists(copy);
            }
            if (!Files.exists(deployed)) {
                Files.move(kernels, deployed);
            }
        }
    }

    @Test
    @Timeout(60)
    void shouldRefuseToRunWithRemoteJmxWithoutAuthentication() throws Exception {
        distribution = RunningDistribution.startWithJavaOptions("-Dcom.sun.management.jmxremote.port=0 "
                + "-Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false",
                "--headless", "--exit-after", "20");

        assertThat(distribution.awaitExit(Duration.ofSeconds(30))).as("exits at once").isTrue();
        assertThat(distribution.exitValue()).isEqualTo(2);
        assertThat(distribution.lines()).extracting(OutputLine::text)
                .anyMatch(line -> line.startsWith("refusing to run with remote JMX on port 0 without authentication"));
    }
}
