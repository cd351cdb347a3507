package io.ringkernel.spi;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.RuntimeConfig;
import java.util.List;

/**
 * Everything a {@link RuntimeProvider} needs to start a runtime.
 *
 * @param backend the default backend, or AUTO
 * @param device the device index within that backend
 * @param config runtime settings
 * @param backends the installed backends
 * @param serializers the installed serializers
 * @param kernels the registered kernel definitions
 */
public record RuntimeSpec(BackendType backend, int device, RuntimeConfig config, List<Backend> backends,
                          List<MessageSerializer> serializers, List<KernelDefinition> kernels) {

    /** Copies the lists so later changes to the caller's lists do not leak in. */
    public RuntimeSpec {
        backends = List.copyOf(backends);
        serializers = List.copyOf(serializers);
        kernels = List.copyOf(kernels);
    }
}
