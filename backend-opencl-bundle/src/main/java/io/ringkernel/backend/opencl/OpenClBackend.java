package io.ringkernel.backend.opencl;

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
 * Runs kernels on OpenCL devices through JOCL: every little-endian device of every platform the
 * ICD loader lists (PoCL on the CPU, NVIDIA's OpenCL on GPUs, …). Kernels run
 * {@link LaunchMode#EVENT_DRIVEN event-driven}: OpenCL promises no forward progress between
 * work-groups, so a persistent polling kernel could starve; instead each batch of queued messages
 * is one launch. A kernel definition runs here if it has an OpenCL C handler under
 * {@link #SOURCE_KEY} in its device sources. Each kernel drives its device from a worker process
 * of its own unless {@link KernelIsolation} says otherwise, so a device fault fails that kernel
 * only.
 */
@Component(service = Backend.class, property = Backend.PROPERTY_TYPE + "=OPENCL")
@ProvidesBackend(BackendType.OPENCL)
public final class OpenClBackend implements Backend {
    /** Key of the OpenCL C handler in {@link KernelDefinition#deviceSources()}. */
    public static final String SOURCE_KEY = "opencl";
    /** Priority with a GPU or accelerator present: above the CPU backend, below CUDA. */
    public static final int PRIORITY = 50;
    /**
     * Priority with CPU devices only (such as PoCL): below the CPU backend, which runs Java
     * handlers on the same cores without copying batches, so AUTO keeps to it.
     */
    public static final int CPU_DEVICES_PRIORITY = -10;

    /* Why OpenCL is unusable in this JVM, or null: a device fault is sticky for the process. */
    private static volatile String fault;

    private final KernelIsolation isolation;
    private final String invalidIsolation;
    private volatile Discovery discovery;

    /**
     * A backend whose kernels run isolated as the system property {@value KernelIsolation#PROPERTY}
     * says: in a worker process each ({@code process}, the default) or in this process
     * ({@code none}). Any other value leaves the backend unavailable, naming the property.
     */
    public OpenClBackend() {
        KernelIsolation chosen = KernelIsolation.PROCESS;
        String invalid = "";
        try {
            chosen = KernelIsolation.fromSystemProperty();
        } catch (IllegalArgumentException e) {
            invalid = e.getMessage();
        }
        this.isolation = chosen;
        this.invalidIsolation = invalid;
    }

    /**
     * @param isolation where kernels' device work runs from
     */
    public OpenClBackend(KernelIsolation isolation) {
        this.isolation = isolation;
        this.invalidIsolation = "";
    }

    @Override
    public BackendType type() {
        return BackendType.OPENCL;
    }

    @Override
    public int priority() {
        return discovery().devices().stream().anyMatch(OpenClDevice::accelerator) ? PRIORITY : CPU_DEVICES_PRIORITY;
    }

    @Override
    public Availability availability() {
        String faulted = fault;
        if (!invalidIsolation.isEmpty()) {
            return Availability.unavailable(invalidIsolation);
        }
        return faulted != null ? Availability.unavailable(faulted) : discovery().availability();
    }

    @Override
    public List<DeviceInfo> devices() {
        return discovery().devices().stream().map(OpenClDevice::info).toList();
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
                : "kernel definition '" + definition.id() + "' has no OpenCL handler (device source \"" + SOURCE_KEY + "\")";
    }

    @Override
    public BackendContext open(int deviceIndex, RuntimeConfig config) {
        List<OpenClDevice> devices = discovery().devices();
        if (deviceIndex < 0 || deviceIndex >= devices.size()) {
            throw new IllegalArgumentException("OpenCL has " + devices.size() + " device(s) here, asked for index "
                    + deviceIndex);
        }
        return new OpenClContext(devices.get(deviceIndex), config, isolation, OpenClBackend::faulted);
    }

    /**
     * The device work of a kernel run from this process ({@link KernelIsolation#NONE}) failed. On
     * NVIDIA's OpenCL such an error (an illegal address, say) leaves every context of the process
     * unusable, so every instance of the backend in this JVM stops offering itself: new launches go
     * elsewhere or fail with this reason instead of failing on the device. A worker process's
     * failure ends that process only, and the backend stays.
     */
    private static void faulted(Throwable cause) {
        fault = "the OpenCL device faulted (" + cause.getMessage() + "); its kernels failed and OpenCL stays "
                + "unavailable in this JVM";
    }

    private Discovery discovery() {
        Discovery found = discovery;
        if (found == null) {
            found = Discovery.probe();
            discovery = found;
        }
        return found;
    }

    /** What one probe of the machine found: the devices, or why there are none. */
    private record Discovery(List<OpenClDevice> devices, Availability availability) {

        static Discovery probe() {
            try {
                List<OpenClDevice> devices = OpenClDevices.discover();
                return new Discovery(devices, devices.isEmpty()
                        ? Availability.unavailable("no little-endian OpenCL device found (is an ICD such as PoCL installed?)")
                        : Availability.AVAILABLE);
            } catch (LinkageError | RuntimeException e) {
                return new Discovery(List.of(), Availability.unavailable("OpenCL cannot be loaded here: " + e));
            }
        }
    }
}
