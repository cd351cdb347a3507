package io.ringkernel.runtime.internal;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.BackendType;
import io.ringkernel.api.Dim3;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.api.RuntimeConfigProperties;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageSerializer;
import io.ringkernel.spi.MessageType;
import io.ringkernel.spi.ProvidesBackend;
import io.ringkernel.spi.ProvidesSerializer;
import io.ringkernel.spi.RuntimeSpec;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The runtime in an OSGi framework: a Declarative Services component that registers
 * {@link RingKernelRuntime} and picks up plug-ins from the service registry. Backends,
 * serializers and kernel definitions are whiteboard services that come and go while the runtime
 * runs; the CPU backend and the fixed-layout serializer are built in.
 *
 * <p>Each device backend runs kernels on its device 0 unless the framework property
 * {@code ringkernel.device.<TYPE>} ({@link Backend#deviceProperty(BackendType)}) chooses another,
 * e.g. {@code ringkernel.device.OPENCL=1}. The properties are read when the component starts,
 * through {@link BundleContext#getProperty(String)}: a framework property, else a system property.
 * A backend whose property names none of its devices (not a number, negative, past its last
 * device) is listed unavailable with the reason, which names the property, its value and the
 * devices there are; it is logged as an error when the backend arrives. Launches then pass it
 * by: {@link BackendType#AUTO} takes the next backend, and asking for that backend fails with a
 * {@link io.ringkernel.api.BackendUnavailableException} giving the reason.
 */
@Component(service = RingKernelRuntime.class, immediate = true)
@ProvidesBackend(BackendType.CPU)
@ProvidesSerializer(MessageType.FIXED_LAYOUT)
public final class RingKernelRuntimeComponent implements RingKernelRuntime {
    private final DefaultRingKernelRuntime runtime;

    /**
     * Starts the runtime, with its settings ({@link RuntimeConfigProperties}, e.g.
     * {@code ringkernel.maxKernels}) and each backend's device as the framework properties choose.
     *
     * @param context the runtime bundle's context, whose properties are read
     * @throws IllegalArgumentException naming the property, its value and why, for a setting the
     *         runtime cannot take: the runtime then does not start
     */
    @Activate
    public RingKernelRuntimeComponent(BundleContext context) {
        RuntimeSpec spec = new RuntimeSpec(BackendType.AUTO, 0,
                RuntimeConfigProperties.read(RuntimeConfig.defaults(), context::getProperty), List.of(),
                List.of(new FixedLayoutSerializer()), List.of());
        runtime = new DefaultRingKernelRuntime(spec,
                DeviceChoice.everyBackend(spec.device()).withProperties(context::getProperty));
    }

    /**
     * @param backend a backend service that appeared
     * @param properties its service properties; {@code service.ranking} breaks ties between
     *                   backends of equal priority
     */
    @Reference(service = Backend.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addBackend(Backend backend, Map<String, Object> properties) {
        runtime.addBackend(backend, properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0);
    }

    /** @param backend a backend service that went away: its kernels are terminated */
    void removeBackend(Backend backend) {
        runtime.removeBackend(backend);
    }

    /** @param serializer a serializer service that appeared: kernels waiting for it resume */
    @Reference(service = MessageSerializer.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addSerializer(MessageSerializer serializer) {
        runtime.addSerializer(serializer);
    }

    /** @param serializer a serializer service that went away: kernels that need it are deactivated */
    void removeSerializer(MessageSerializer serializer) {
        runtime.removeSerializer(serializer);
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
