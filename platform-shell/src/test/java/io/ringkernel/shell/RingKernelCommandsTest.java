package io.ringkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelNotFoundException;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RingKernelCommandsTest {

    private static final long TIMEOUT = 5_000;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private RingKernelRuntime runtime;
    private RingKernelCommands commands;

    @BeforeEach
    void startRuntime() {
        runtime = RingKernelRuntime.builder().addKernel(new ConformanceKernel()).build();
        commands = new RingKernelCommands(runtime, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopRuntime() {
        runtime.close();
    }

    private String output() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return text;
    }

    private void launchK() {
        commands.launch("k", ConformanceKernel.ID);
        output();
    }

    @Test
    void shouldPrintKernelDefinitionBackendAndStateOnLaunch() {
        commands.launch("k", ConformanceKernel.ID);

        assertThat(output()).isEqualTo("launched k (definition conformance) on CPU: ACTIVE\n");
        assertThat(runtime.status("k")).isEqualTo(KernelStatus.ACTIVE);
    }

    @Test
    void shouldUseKernelIdAsDefinitionIdWhenLaunchedWithOneArgument() {
        commands.launch(ConformanceKernel.ID);

        assertThat(output()).isEqualTo("launched conformance (definition conformance) on CPU: ACTIVE\n");
    }

    @Test
    void shouldSayNoKernelsWhenListingAnEmptyRuntime() {
        commands.list();

        assertThat(output()).isEqualTo("no kernels\n");
    }

    @Test
    void shouldListEachKernelByIdWithStateBackendProcessedDepthsAndP99() {
        launchK();
        commands.call(TIMEOUT, "k", 1, "1", "2");
        commands.launch("idle", ConformanceKernel.ID);
        commands.deactivate("idle");
        output();

        commands.list();

        String[] lines = output().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0].split("\\s+")).containsExactly("ID", "STATE", "BACKEND", "PROCESSED", "IN", "OUT", "P99", "µs");
        assertThat(lines[1].split("\\s+")).containsExactly("idle", "DEACTIVATED", "CPU", "0", "0", "0", "0.0");
        assertThat(lines[2].split("\\s+")).startsWith("k", "ACTIVE", "CPU", "1", "0", "0").hasSize(7);
    }

    @Test
    void shouldPrintStateAfterDeactivateActivateAndTerminate() {
        launchK();

        commands.deactivate("k");
        commands.activate("k");
        commands.terminate("k");

        assertThat(output()).isEqualTo("k: DEACTIVATED\nk: ACTIVE\nk: TERMINATED\n");
    }

    @Test
    void shouldQueueMessageOnSendAndLeaveTheReplyToBeReceived() {
        launchK();

        commands.send("k", 1, "5", "6");

        assertThat(output()).matches("sent message \\d+ to k: Ping\\[sequence=5, sender=6]\n");
        assertThat(runtime.receive("k", Duration.ofSeconds(5)).payload(Ping.class)).isEqualTo(new Ping(5, 6));
    }

    @Test
    void shouldPrintTheReplyRecordOnCall() {
        launchK();

        commands.call(TIMEOUT, "k", 1, "42", "7");

        assertThat(output()).isEqualTo("Ping[sequence=42, sender=7]\n");
    }

    @Test
    void shouldParseCommaSeparatedBytesAndPrintTheEchoedArrayOnCall() {
        launchK();

        commands.call(TIMEOUT, "k", 2, "1,2,3");

        assertThat(output()).isEqualTo("Blob[data=[1, 2, 3]]\n");
    }

    @Test
    void shouldThrowTheKernelsErrorMessageWhenTheHandlerFails() {
        launchK();

        assertThatThrownBy(() -> commands.call(TIMEOUT, "k", 3, "5"))
                .isInstanceOf(KernelErrorException.class)
                .hasMessageStartingWith("kernel 'k' failed message ")
                .hasMessageContaining("failure 5 requested by the sender")
                .hasMessageNotContaining("\n");
        assertThat(output()).isEmpty();
    }

    @Test
    void shouldPrintEveryMetricOnItsOwnLineWithLatencyInMicroseconds() {
        launchK();
        commands.call(TIMEOUT, "k", 1, "1", "2");
        output();

        commands.metrics("k");

        String text = output();
        assertThat(text.split("\n")).hasSize(20);
        assertThat(text).contains("kernel         k\n", "status         ACTIVE\n", "backend        CPU\n",
                "messages in    1\n", "processed      1\n", "dropped        0\n", "errors         0\n",
                "late replies   0\n", "input depth    0\n", "last error     -\n");
        assertThat(text).containsPattern("mode           \\w+\n")
                .containsPattern("messages out   [01]\n")
                .containsPattern("output depth   [01]\n")
                .containsPattern("device         #0 .+\n")
                .containsPattern("p50 µs         \\d+\\.\\d\n")
                .containsPattern("p99 µs         \\d+\\.\\d\n")
                .containsPattern("p99.9 µs       \\d+\\.\\d\n")
                .containsPattern("max µs         \\d+\\.\\d\n")
                .containsPattern("throughput/s   \\d+\\.\\d\n")
                .containsPattern("uptime s       \\d+\\.\\d{3}\n");
    }

    @Test
    void shouldListTheCpuBackendAsAvailableWithItsDevice() {
        commands.backends();

        assertThat(output()).containsPattern("(?m)^CPU\\s+\\S+\\s+available; devices: #0 .+ compute units\\)$");
    }

    @Test
    void shouldThrowTheRuntimesMessageForAnUnknownKernel() {
        for (Runnable command : new Runnable[] {
            () -> commands.metrics("nope"),
            () -> commands.activate("nope"),
            () -> commands.send("nope", 1, "1", "2"),
            () -> commands.call(TIMEOUT, "nope", 1, "1", "2")}) {
            assertThatThrownBy(command::run)
                    .isInstanceOf(KernelNotFoundException.class)
                    .hasMessage("no kernel with id 'nope'");
        }
        assertThat(output()).isEmpty();
    }

    @Test
    void shouldListTheKernelsTypeIdsForAnUnknownTypeId() {
        launchK();

        assertThatThrownBy(() -> commands.call(TIMEOUT, "k", 9, "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kernel 'k' has no message type 9; its types are 1 (Ping), 2 (Blob), 3 (Fail)");
    }

    @Test
    void shouldNameTheExpectedComponentsWhenTheNumberOfValuesIsWrong() {
        launchK();

        assertThatThrownBy(() -> commands.send("k", 1, "42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ping takes 2 value(s) (long sequence, int sender), got 1");
    }

    @Test
    void shouldNameTheComponentAndTextThatDoNotParse() {
        launchK();

        assertThatThrownBy(() -> commands.call(TIMEOUT, "k", 1, "abc", "7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read 'abc' as long for Ping.sequence");
        assertThatThrownBy(() -> commands.call(TIMEOUT, "k", 2, "1,300"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read '300' as byte for Blob.data");
    }

    @Test
    void shouldRejectANonPositiveTimeout() {
        launchK();

        assertThatThrownBy(() -> commands.call(0, "k", 1, "1", "2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--timeout must be a positive number of ms, got 0");
    }
}
