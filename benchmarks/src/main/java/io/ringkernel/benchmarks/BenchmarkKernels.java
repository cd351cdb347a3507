package io.ringkernel.benchmarks;

import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageHandler;
import io.ringkernel.spi.MessageType;
import java.util.List;

/** The kernels the runtime benchmarks drive: an echo and a sink that answers nothing. */
final class BenchmarkKernels {
    static final String ECHO = "bench-echo";
    static final String SINK = "bench-sink";

    private BenchmarkKernels() {
    }

    /** @return a runtime on the CPU backend with both kernels registered */
    static RingKernelRuntime cpuRuntime() {
        return RingKernelRuntime.builder().config(RuntimeConfig.defaults())
                .addKernel(definition(ECHO, (message, context) -> message))
                .addKernel(definition(SINK, (message, context) -> null))
                .build();
    }

    private static KernelDefinition definition(String id, MessageHandler handler) {
        return KernelDefinition.of(id, List.of(MessageType.of(1, Payload.class, MessageType.FIXED_LAYOUT)), handler);
    }
}
