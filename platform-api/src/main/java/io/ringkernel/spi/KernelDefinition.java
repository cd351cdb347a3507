package io.ringkernel.spi;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a kernel bundle contributes: an id, the message types the kernel speaks and a handler
 * per backend kind. Backends wrap the handler in their own persistent or event-driven loop;
 * kernel authors never write the polling loop.
 */
@ConsumerType
public interface KernelDefinition {

    /** Service property: the id of a registered kernel definition. */
    String PROPERTY_ID = "ringkernel.kernel.id";

    /**
     * A definition for the CPU backend from its parts, for kernels that need no device sources.
     *
     * @param id the definition's id
     * @param messageTypes its message types
     * @param javaHandler its handler
     * @return the definition
     */
    static KernelDefinition of(String id, List<MessageType<?>> messageTypes, MessageHandler javaHandler) {
        return of(id, messageTypes, javaHandler, Map.of());
    }

    /**
     * A definition from its parts, with device handler sources.
     *
     * @param id the definition's id
     * @param messageTypes its message types
     * @param javaHandler its handler for the CPU backend
     * @param deviceSources its device handlers by backend name, see {@link #deviceSources()}
     * @return the definition
     */
    static KernelDefinition of(String id, List<MessageType<?>> messageTypes, MessageHandler javaHandler,
                               Map<String, String> deviceSources) {
        return new JavaKernelDefinition(id, messageTypes, javaHandler, deviceSources);
    }

    /** @return the definition's id, which kernels are launched by */
    String id();

    /** @return the message types, requests and replies alike */
    List<MessageType<?>> messageTypes();

    /** @return the handler the CPU backend runs */
    MessageHandler javaHandler();

    /**
     * @return device handler sources by backend name (e.g. "cuda", "opencl"); empty when the
     *         kernel runs on the CPU backend only
     */
    default Map<String, String> deviceSources() {
        return Map.of();
    }

    /**
     * Device memory the kernel's device handler keeps from one message to the next, such as
     * per-sensor running statistics. It is zeroed at launch and when a hot swap brings new code (as
     * the Java handler starts afresh then). A device handler with state sees the kernel's messages
     * one after the other, in queue order; one without state may see many at once.
     *
     * @return bytes of device state; 0, the default, for a stateless handler
     */
    default int deviceStateBytes() {
        return 0;
    }
}
