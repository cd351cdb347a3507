package io.ringkernel.backend.opencl;

import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseProgram;

import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.KernelLaunchException;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.BackendKernel;
import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.DeviceBuffer;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.host.HostBuffer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jocl.CLException;
import org.jocl.cl_context;
import org.jocl.cl_program;

/**
 * An OpenCL context on one device. The kernels' rings, control blocks and telemetry live in host
 * memory, where the runtime writes them; each kernel moves its messages to the device in batches,
 * from a worker process of its own ({@link KernelIsolation#PROCESS}) or from this one. Programs
 * are built here either way, so that a handler that does not compile fails its launch with the
 * build log.
 */
final class OpenClContext implements BackendContext {
    private static final System.Logger LOG = System.getLogger(OpenClContext.class.getName());

    private final OpenClDevice device;
    private final RuntimeConfig config;
    private final cl_context context;
    private final List<cl_program> programs = new CopyOnWriteArrayList<>();
    private final Consumer<Throwable> onFault;
    private final KernelIsolation isolation;
    private final WorkerLauncher workers;

    /**
     * @param device the device
     * @param config the runtime's settings
     * @param isolation where kernels' device work runs from
     * @param onFault told when the device work of a kernel run from this process fails
     */
    OpenClContext(OpenClDevice device, RuntimeConfig config, KernelIsolation isolation, Consumer<Throwable> onFault) {
        this.device = device;
        this.config = config;
        this.isolation = isolation;
        this.workers = new WorkerLauncher(device);
        this.onFault = onFault;
        this.context = device.createContext();
    }

    @Override
    public DeviceInfo device() {
        return device.info();
    }

    @Override
    public DeviceBuffer allocate(long bytes, int alignment) {
        return new HostBuffer(bytes, alignment);
    }

    /**
     * @throws KernelLaunchException carrying the compiler's build log if the handler does not compile
     */
    @Override
    public CompiledKernel compile(KernelProgram program) {
        String source = OpenClSource.program(program);
        cl_program built;
        try {
            built = device.build(context, source);
        } catch (ProgramBuildException e) {
            throw new KernelLaunchException(program.definition().id(), "the OpenCL handler of kernel definition '"
                    + program.definition().id() + "' does not compile on " + device.info().name() + " ("
                    + e.getCause().getMessage() + "):\n" + e.log(), e);
        }
        programs.add(built);
        return new OpenClCompiledKernel(program, source, built);
    }

    /**
     * @throws KernelLaunchException if the kernel's worker process cannot be started or cannot open
     *                               the device
     */
    @Override
    public BackendKernel launch(CompiledKernel kernel, KernelResources resources) {
        int stride = OpenClKernel.stride(resources.controlBlock().maxPayload());
        int capacity = OpenClKernel.batchCapacity(resources.input().capacity(), stride);
        if (isolation == KernelIsolation.NONE) {
            return run(new LocalBatchDevice(context, device,
                    ByteBuffer.allocateDirect((int) Batch.stagingBytes(capacity, stride)), capacity, stride),
                    kernel, resources, onFault);
        }
        try {
            return run(workers.start(resources.kernelId(), capacity, stride), kernel, resources, fault -> { });
        } catch (IOException | RuntimeException e) {
            throw new KernelLaunchException(resources.kernelId(), "the worker process of kernel '" + resources.kernelId()
                    + "' could not run on " + device.info().name() + ": " + e.getMessage(), e);
        }
    }

    /** Starts the kernel on its batch device, or releases the device if the kernel cannot start. */
    private BackendKernel run(BatchDevice batches, CompiledKernel kernel, KernelResources resources,
                              Consumer<Throwable> faults) {
        try {
            return new OpenClKernel(batches, (OpenClCompiledKernel) kernel, resources, config.telemetryEnabled(), faults);
        } catch (RuntimeException | LinkageError e) {
            batches.close();
            throw e;
        }
    }

    @Override
    public void close() {
        programs.forEach(program -> {
            try {
                clReleaseProgram(program);
            } catch (CLException e) {
                LOG.log(System.Logger.Level.DEBUG, "releasing an OpenCL program failed", e);
            }
        });
        programs.clear();
        clReleaseContext(context);
    }
}
