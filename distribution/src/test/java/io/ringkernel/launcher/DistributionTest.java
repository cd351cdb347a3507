package io.ringkernel.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the assembled {@code bin/ringkernel} as a real process (failsafe, after {@code package}
 * laid out {@code target/ringkernel}): it starts, its demo kernels answer, the kernels' bundle
 * hot-deploys out of and back into {@code deploy/}, and the process stops by itself or on SIGTERM.
 */
class DistributionTest {

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
}
