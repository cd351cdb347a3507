package io.ringkernel.api;

import io.ringkernel.spi.Backend;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageSerializer;
import io.ringkernel.spi.RuntimeProvider;
import io.ringkernel.spi.RuntimeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Builds a {@link RingKernelRuntime} in a plain JVM. The runtime implementation, backends,
 * serializers and kernel definitions are found with {@link ServiceLoader} unless
 * {@link #discoverPlugins(boolean)} turns that off; the {@code add…} methods add more by hand.
 */
public final class RuntimeBuilder {
    private BackendType backend = BackendType.AUTO;
    private int device;
    private RuntimeConfig config = RuntimeConfig.defaults();
    private boolean discoverPlugins = true;
    private final List<Backend> backends = new ArrayList<>();
    private final List<MessageSerializer> serializers = new ArrayList<>();
    private final List<KernelDefinition> kernels = new ArrayList<>();

    RuntimeBuilder() {
    }

    /** @param value the default backend, or AUTO for the best available @return this builder */
    public RuntimeBuilder backend(BackendType value) {
        this.backend = Objects.requireNonNull(value, "backend");
        return this;
    }

    /** @param index the device index within the backend @return this builder */
    public RuntimeBuilder device(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("device index must be >= 0, got " + index);
        }
        this.device = index;
        return this;
    }

    /** @param value runtime settings @return this builder */
    public RuntimeBuilder config(RuntimeConfig value) {
        this.config = Objects.requireNonNull(value, "config");
        return this;
    }

    /** @param value whether to find plug-ins with ServiceLoader (default true) @return this builder */
    public RuntimeBuilder discoverPlugins(boolean value) {
        this.discoverPlugins = value;
        return this;
    }

    /**
     * @param value a backend to install besides those discovered; a discovered backend of the same
     *              type is then left out, so this one runs that type's kernels
     * @return this builder
     */
    public RuntimeBuilder addBackend(Backend value) {
        backends.add(Objects.requireNonNull(value, "backend"));
        return this;
    }

    /** @param value a serializer to install besides those discovered @return this builder */
    public RuntimeBuilder addSerializer(MessageSerializer value) {
        serializers.add(Objects.requireNonNull(value, "serializer"));
        return this;
    }

    /** @param value a kernel definition to register besides those discovered @return this builder */
    public RuntimeBuilder addKernel(KernelDefinition value) {
        kernels.add(Objects.requireNonNull(value, "kernel definition"));
        return this;
    }

    /**
     * Starts the runtime.
     *
     * @return the runtime
     * @throws BackendUnavailableException if the chosen backend is missing or cannot run here
     * @throws IllegalStateException if no runtime implementation is on the class path
     */
    public RingKernelRuntime build() {
        List<Backend> allBackends = new ArrayList<>(backends);
        List<MessageSerializer> allSerializers = new ArrayList<>(serializers);
        List<KernelDefinition> allKernels = new ArrayList<>(kernels);
        if (discoverPlugins) {
            load(Backend.class).stream().filter(found -> backends.stream().noneMatch(added -> added.type() == found.type()))
                    .forEach(allBackends::add);
            load(MessageSerializer.class).forEach(allSerializers::add);
            load(KernelDefinition.class).forEach(allKernels::add);
        }
        RuntimeProvider provider = load(RuntimeProvider.class).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no RingKernel runtime implementation found: add platform-runtime to the class path"));
        return provider.create(new RuntimeSpec(backend, device, config, allBackends, allSerializers, allKernels));
    }

    private static <T> List<T> load(Class<T> type) {
        List<T> found = new ArrayList<>();
        ServiceLoader.load(type, RuntimeBuilder.class.getClassLoader()).forEach(found::add);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (found.isEmpty() && context != null) {
            ServiceLoader.load(type, context).forEach(found::add);
        }
        return found;
    }
}
