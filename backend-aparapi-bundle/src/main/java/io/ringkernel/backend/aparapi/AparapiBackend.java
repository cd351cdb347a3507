package io.ringkernel.backend.aparapi;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.ProvidesBackend;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Runs kernels whose handler is written in Java as an {@link io.ringkernel.aparapi.MessageBatchKernel}:
 * on each OpenCL device here, through Aparapi's translation to OpenCL C, and on Aparapi's Java
 * thread pool, which is always present and the only device where no OpenCL platform is. Device
 * index 0 is the best of them. A kernel definition runs here if it names its handler class under
 * {@link #SOURCE_KEY} in its device sources; the class is loaded by the definition's class loader.
 * Kernels run {@link LaunchMode#EVENT_DRIVEN event-driven}, one run per batch.
 */
@Component(service = Backend.class, property = Backend.PROPERTY_TYPE + "=APARAPI")
@ProvidesBackend(BackendType.APARAPI)
public final class AparapiBackend implements Backend {
    /** Key of the handler's class name in {@link KernelDefinition#deviceSources()}. */
    public static final String SOURCE_KEY = "aparapi";
    /** Priority with a GPU or accelerator present: above the CPU backend, below OpenCL C and CUDA handlers. */
    public static final int PRIORITY = 40;
    /**
     * Priority on CPU devices or the Java thread pool alone: below the CPU backend and the OpenCL
     * backend, which run the same kernels on the same cores without unpacking batches.
     */
    public static final int CPU_ONLY_PRIORITY = -20;
    private volatile AparapiDevices.Found found;

    @Override
    public BackendType type() {
        return BackendType.APARAPI;
    }

    @Override
    public int priority() {
        return found().devices().stream().anyMatch(AparapiDevice::accelerator) ? PRIORITY : CPU_ONLY_PRIORITY;
    }

    /** @return always available: where OpenCL is missing, handlers run on the Java thread pool */
    @Override
    public Availability availability() {
        return Availability.AVAILABLE;
    }

    @Override
    public List<DeviceInfo> devices() {
        return found().devices().stream().map(AparapiDevice::info).toList();
    }

    /** @return why no OpenCL device is offered (handlers then run on the Java thread pool), or the empty string */
    public String openClProblem() {
        return found().openClProblem();
    }

    @Override
    public Set<LaunchMode> modes() {
        return Set.of(LaunchMode.EVENT_DRIVEN);
    }

    @Override
    public LaunchMode defaultMode() {
        return LaunchMode.EVENT_DRIVEN;
    }

    @Override
    public String cannotRun(KernelDefinition definition) {
        return definition.deviceSources().containsKey(SOURCE_KEY) ? ""
                : "kernel definition '" + definition.id() + "' has no Aparapi handler (device source \"" + SOURCE_KEY
                + "\" naming a MessageBatchKernel class)";
    }

    @Override
    public BackendContext open(int deviceIndex, RuntimeConfig config) {
        List<AparapiDevice> devices = found().devices();
        if (deviceIndex < 0 || deviceIndex >= devices.size()) {
            throw new IllegalArgumentException("Aparapi has " + devices.size() + " device(s) here, asked for index "
                    + deviceIndex);
        }
        return new AparapiContext(devices.get(deviceIndex), config);
    }

    private AparapiDevices.Found found() {
        AparapiDevices.Found result = found;
        if (result == null) {
            AparapiLogging.ensure();
            result = AparapiDevices.discover();
            found = result;
        }
        return result;
    }
}
