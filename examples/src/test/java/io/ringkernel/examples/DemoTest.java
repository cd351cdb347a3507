package io.ringkernel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void shouldPrintStatesCountsAndLatency() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new Demo(new PrintStream(printed, true, StandardCharsets.UTF_8), 2_000).run();
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("RingKernel demo on the CPU backend")
                .contains("echo       ACTIVE")
                .contains("sent 2,000 calls and 8,000 readings")
                .containsPattern("echo\\s+ACTIVE\\s+CPU\\s+2,000\\s+2,000\\s+2,000")
                .contains("reactivated echo: ACTIVE, answers \"still here\"")
                .contains("echo       TERMINATED");
    }
}
