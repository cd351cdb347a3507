package io.ringkernel.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What {@link KernelDefinition#of} builds. */
record JavaKernelDefinition(String id, List<MessageType<?>> messageTypes, MessageHandler javaHandler,
                            Map<String, String> deviceSources) implements KernelDefinition {

    JavaKernelDefinition {
        Objects.requireNonNull(id, "id");
        messageTypes = List.copyOf(messageTypes);
        Objects.requireNonNull(javaHandler, "javaHandler");
        deviceSources = Map.copyOf(deviceSources);
    }
}
