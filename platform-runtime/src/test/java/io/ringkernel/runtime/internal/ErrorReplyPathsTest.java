package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.Ping;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageType;
import java.io.FileNotFoundException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A handler's exception that names a file of the host reaches the sender without the path. */
class ErrorReplyPathsTest {

    @Test
    void shouldKeepTheHostsPathsOutOfAHandlersErrorReply() {
        KernelDefinition leaky = KernelDefinition.of("leaky", List.of(MessageType.of(1, Ping.class,
                MessageType.FIXED_LAYOUT)), (message, context) -> {
                    throw new FileNotFoundException("/srv/ringkernel/secrets/api-key.txt (No such file or directory)");
                });
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().addKernel(leaky).build()) {
            KernelHandle kernel = runtime.launch("leaky", LaunchOptions.defaults());
            assertThatThrownBy(() -> kernel.call(new Ping(1, 0), Ping.class, Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(KernelErrorException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.HANDLER_FAILED))
                    .hasMessageContaining("FileNotFoundException: <path> (No such file or directory)")
                    .hasMessageNotContaining("secrets");
        }
    }
}
