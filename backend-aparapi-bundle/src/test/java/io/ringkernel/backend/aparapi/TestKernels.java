package io.ringkernel.backend.aparapi;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageType;
import java.util.List;
import java.util.Map;

/** Runtimes on the Aparapi backend with a kernel definition whose Aparapi handler is a given class. */
final class TestKernels {
    static final String ID = "readings";

    private TestKernels() {
    }

    /**
     * @param handlerClass the handler's class name, under the "aparapi" key
     * @return a definition speaking {@link Reading} and {@link Summary}
     */
    static KernelDefinition definition(String handlerClass) {
        return KernelDefinition.of(ID, List.of(
                        MessageType.of(SummaryHandler.READING, Reading.class, MessageType.FIXED_LAYOUT),
                        MessageType.of(SummaryHandler.SUMMARY, Summary.class, MessageType.FIXED_LAYOUT)),
                (message, context) -> null, Map.of(AparapiBackend.SOURCE_KEY, handlerClass));
    }

    /**
     * @param device the Aparapi device index
     * @param handler the handler class
     * @return a runtime on that device whose only kernel definition uses the handler
     */
    static RingKernelRuntime runtime(int device, Class<?> handler) {
        return runtime(device, definition(handler.getName()));
    }

    /**
     * @param device the Aparapi device index
     * @param definition the kernel definition
     * @return a runtime on that device with only that definition
     */
    static RingKernelRuntime runtime(int device, KernelDefinition definition) {
        return RingKernelRuntime.builder().backend(BackendType.APARAPI).device(device).discoverPlugins(false)
                .addSerializer(new FixedLayoutSerializer()).addBackend(AparapiDevicesUnderTest.BACKEND)
                .addKernel(definition).build();
    }
}
