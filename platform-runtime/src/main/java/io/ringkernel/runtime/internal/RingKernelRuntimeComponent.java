package io.ringkernel.runtime.internal;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.BackendType;
import io.ringkernel.api.Dim3;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageSerializer;
import io.ringkernel.spi.MessageType;
import io.ringkernel.spi.ProvidesBackend;
import io.ringkernel.spi.ProvidesSerializer;
import io.ringkernel.spi.RuntimeSpec;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The runtime in an OSGi framework: a Declarative Services component that registers
 * {@link RingKernelRuntime} and picks up plug-ins from the service registry. Kernel definitions
 * are whiteboard services that come and go while the runtime runs. Backends and serializers are
 * bound when the component activates (the CPU backend and the fixed-layout serializer are always
 * there); a change to them restarts the component.
 */
@Component(service = RingKernelRuntime.class, immediate = true)
@ProvidesBackend(BackendType.CPU)
@ProvidesSerializer(MessageType.FIXED_LAYOUT)
public final class RingKernelRuntimeComponent implements RingKernelRuntime {
    private final DefaultRingKernelRuntime runtime;

    /**
     * @param backends the backend services present at activation
     * @param serializers the serializer services present at activation
     */
    @Activate
    public RingKernelRuntimeComponent(
            @Reference(service = Backend.class, cardinality = ReferenceCardinality.MULTIPLE,
                    policyOption = ReferencePolicyOption.GREEDY) List<Backend> backends,
            @Reference(service = MessageSerializer.class, cardinality = ReferenceCardinality.MULTIPLE,
                    policyOption = ReferencePolicyOption.GREEDY) List<MessageSerializer> serializers) {
        List<MessageSerializer> installed = new ArrayList<>(serializers);
        installed.add(new FixedLayoutSerializer());
        this.runtime = new DefaultRingKernelRuntime(new RuntimeSpec(BackendType.AUTO, 0, RuntimeConfig.defaults(),
                backends, installed, List.of()));
    }

    /** @param definition a kernel definition service that appeared */
    @Reference(service = KernelDefinition.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addKernelDefinition(KernelDefinition definition) {
        runtime.addDefinition(definition);
    }

    /** @param definition a kernel definition service that went away */
    void removeKernelDefinition(KernelDefinition definition) {
        runtime.removeDefinition(definition);
    }

    /** Terminates every kernel when the component goes away. */
    @Deactivate
    void deactivate() {
        runtime.shutdown();
    }

    @Override
    public KernelHandle launch(String kernelId, Dim3 grid, Dim3 block, LaunchOptions options) {
        return runtime.launch(kernelId, grid, block, options);
    }

    @Override
    public KernelHandle kernel(String kernelId) {
        return runtime.kernel(kernelId);
    }

    @Override
    public List<String> listKernels() {
        return runtime.listKernels();
    }

    @Override
    public List<String> listDefinitions() {
        return runtime.listDefinitions();
    }

    @Override
    public List<BackendInfo> backends() {
        return runtime.backends();
    }

    @Override
    public BackendType defaultBackend() {
        return runtime.defaultBackend();
    }

    @Override
    public RuntimeConfig config() {
        return runtime.config();
    }

    @Override
    public void shutdown() {
        runtime.shutdown();
    }
}
