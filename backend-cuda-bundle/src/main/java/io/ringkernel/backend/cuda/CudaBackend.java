package io.ringkernel.backend.cuda;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.KernelLaunchException;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.ProvidesBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * Runs kernels on NVIDIA GPUs through JCuda's driver API. By default a kernel is
 * {@link LaunchMode#PERSISTENT}: launched once, it stays resident and polls its ring in mapped
 * host memory. {@link LaunchMode#EVENT_DRIVEN} launches it per batch instead, and is chosen by
 * itself where a device cannot hold another persistent kernel.
 *
 * <p>A kernel definition runs here if it has a CUDA C++ handler under {@link #SOURCE_KEY} in its
 * device sources. Its program is compiled to PTX: taken from {@link #PTX_KEY} when that PTX was
 * built from the same program (by {@link PtxBuilder}, at build time), else compiled with nvcc at
 * launch and cached on disk.
 */
@Component(service = Backend.class, property = Backend.PROPERTY_TYPE + "=CUDA")
@ProvidesBackend(BackendType.CUDA)
public final class CudaBackend implements Backend {
    /** Key of the CUDA C++ handler in {@link KernelDefinition#deviceSources()}. */
    public static final String SOURCE_KEY = "cuda";
    /** Key of the program's PTX, built ahead of time, in {@link KernelDefinition#deviceSources()}. */
    public static final String PTX_KEY = "cuda-ptx";
    /** Priority: the preferred backend wherever a GPU is present. */
    public static final int PRIORITY = 100;
    /** System property naming the directory where PTX compiled at launch is cached. */
    public static final String CACHE_PROPERTY = "ringkernel.cuda.cache";

    private static final System.Logger LOG = System.getLogger(CudaBackend.class.getName());

    /* Why CUDA is unusable in this JVM, or null: a device fault is sticky for the process. */
    private static volatile String fault;

    /* One probe per JVM: once JCuda failed to load, its classes cannot even initialise again. */
    private static volatile Discovery discovery;
    private volatile Optional<Nvcc> nvcc;

    @Override
    public BackendType type() {
        return BackendType.CUDA;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability availability() {
        String faulted = fault;
        return faulted != null ? Availability.unavailable(faulted) : discovery().availability();
    }

    @Override
    public List<DeviceInfo> devices() {
        return discovery().devices().stream().map(CudaDevice::info).toList();
    }

    @Override
    public Set<LaunchMode> modes() {
        return Set.of(LaunchMode.PERSISTENT, LaunchMode.EVENT_DRIVEN);
    }

    @Override
    public LaunchMode defaultMode() {
        return LaunchMode.PERSISTENT;
    }

    @Override
    public String cannotRun(KernelDefinition definition) {
        if (!definition.deviceSources().containsKey(SOURCE_KEY)) {
            return "kernel definition '" + definition.id() + "' has no CUDA handler (device source \"" + SOURCE_KEY + "\")";
        }
        if (prebuilt(definition).isEmpty() && nvcc().isEmpty()) {
            return "kernel definition '" + definition.id() + "' carries no PTX built from its current CUDA handler, "
                    + "and no nvcc is installed to compile it";
        }
        return "";
    }

    @Override
    public BackendContext open(int deviceIndex, RuntimeConfig config) {
        List<CudaDevice> devices = discovery().devices();
        if (deviceIndex < 0 || deviceIndex >= devices.size()) {
            throw new IllegalArgumentException("CUDA has " + devices.size() + " device(s) here, asked for index "
                    + deviceIndex);
        }
        return new CudaContext(devices.get(deviceIndex), config, this::ptx, reason -> fault = reason);
    }

    private String ptx(KernelDefinition definition) {
        return prebuilt(definition).orElseGet(() -> nvcc()
                .orElseThrow(() -> new KernelLaunchException(definition.id(), cannotRun(definition), null))
                .compile(CudaSource.program(definition)));
    }

    /**
     * @param definition a kernel definition
     * @return true if it carries PTX built from its current CUDA handler, so it runs without nvcc
     */
    public static boolean hasPrebuiltPtx(KernelDefinition definition) {
        return definition.deviceSources().containsKey(SOURCE_KEY) && prebuilt(definition).isPresent();
    }

    private static Optional<String> prebuilt(KernelDefinition definition) {
        String ptx = definition.deviceSources().get(PTX_KEY);
        return ptx != null && Nvcc.compiledFrom(ptx, CudaSource.program(definition)) ? Optional.of(ptx) : Optional.empty();
    }

    private Optional<Nvcc> nvcc() {
        Optional<Nvcc> found = nvcc;
        if (found == null) {
            found = Nvcc.find(Path.of(System.getProperty(CACHE_PROPERTY,
                    Path.of(System.getProperty("java.io.tmpdir"), "ringkernel-cuda").toString())));
            nvcc = found;
        }
        return found;
    }

    private static Discovery discovery() {
        Discovery found = discovery;
        if (found == null) {
            found = Discovery.probe();
            discovery = found;
            if (!found.availability().available()) {
                LOG.log(System.Logger.Level.INFO, "CUDA backend unavailable: " + found.availability().reason());
            }
        }
        return found;
    }

    /** What one probe of the machine found: the devices, or why there are none. */
    private record Discovery(List<CudaDevice> devices, Availability availability) {

        static Discovery probe() {
            try {
                List<CudaDevice> devices = CudaDevices.discover();
                return new Discovery(devices, devices.isEmpty()
                        ? Availability.unavailable("the CUDA driver lists no device")
                        : Availability.AVAILABLE);
            } catch (CudaException e) {
                return new Discovery(List.of(), Availability.unavailable("the CUDA driver cannot start: " + e.getMessage()));
            } catch (LinkageError e) {
                return new Discovery(List.of(), Availability.unavailable(
                        "the CUDA driver library (libcuda.so.1) cannot be loaded; no NVIDIA driver here? (" + cause(e) + ")"));
            }
        }

        /** JCuda's message spans many lines of nested traces: the line that names the missing library says it. */
        private static String cause(LinkageError error) {
            String message = String.valueOf(error.getMessage());
            return message.lines().filter(line -> line.contains("cannot open shared object file")).findFirst()
                    .map(line -> line.substring(line.lastIndexOf(": ", line.indexOf("cannot open") - 3) + 2).trim())
                    .orElse(message.lines().findFirst().orElse(error.toString()));
        }
    }
}
