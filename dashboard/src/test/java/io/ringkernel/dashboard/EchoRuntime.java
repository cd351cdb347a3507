package io.ringkernel.dashboard;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageType;
import java.util.List;

/** A real runtime on the CPU backend with one definition, "echo", that answers each Ping with itself. */
final class EchoRuntime {
    /** The echo definition's id. */
    static final String ECHO = "echo";

    private EchoRuntime() {
    }

    /** @return a started runtime */
    static RingKernelRuntime start() {
        KernelDefinition echo = KernelDefinition.of(ECHO,
                List.of(MessageType.of(1, Ping.class, MessageType.FIXED_LAYOUT)), (message, context) -> message);
        return RingKernelRuntime.builder().backend(BackendType.CPU).discoverPlugins(false)
                .addSerializer(new FixedLayoutSerializer()).addKernel(echo).build();
    }

    /** @return launch options for an echo kernel */
    static LaunchOptions echo() {
        return LaunchOptions.defaults().withDefinition(ECHO);
    }
}
