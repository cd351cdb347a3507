package io.ringkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.ConformanceKernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the commands through a real Gogo command processor, as the shell would. */
class GogoSessionTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ThreadIOImpl threadIo = new ThreadIOImpl();
    private RingKernelRuntime runtime;
    private CommandProcessorImpl processor;
    private CommandSession session;

    @BeforeEach
    void startSession() {
        runtime = RingKernelRuntime.builder().addKernel(new ConformanceKernel()).build();
        RingKernelCommands commands = new RingKernelCommands(runtime, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        threadIo.start();
        processor = new CommandProcessorImpl(threadIo);
        for (String function : RingKernelCommands.FUNCTIONS) {
            processor.addCommand(RingKernelCommands.SCOPE, commands, function);
        }
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
    }

    @AfterEach
    void stopSession() {
        session.close();
        processor.stop();
        threadIo.stop();
        runtime.close();
    }

    private String run(String line) throws Exception {
        bytes.reset();
        session.execute(line);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldLaunchAndCallThroughGogoWithTimeoutOptionAndArrayArgument() throws Exception {
        assertThat(run("rk:launch k conformance")).isEqualTo("launched k (definition conformance) on CPU: ACTIVE\n");
        assertThat(run("rk:call k 1 42 7")).isEqualTo("Ping[sequence=42, sender=7]\n");
        assertThat(run("rk:call --timeout 1000 k 2 1,2,3")).isEqualTo("Blob[data=[1, 2, 3]]\n");
        assertThat(run("call k 1 1 2")).isEqualTo("Ping[sequence=1, sender=2]\n");
    }

    @Test
    void shouldSurfaceTheClearMessageOfAUserMistakeThroughGogo() throws Exception {
        run("rk:launch k conformance");

        assertThatThrownBy(() -> run("rk:send k 1 42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ping takes 2 value(s) (long sequence, int sender), got 1");
    }
}
