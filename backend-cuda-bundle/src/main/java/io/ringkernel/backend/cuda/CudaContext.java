package io.ringkernel.backend.cuda;

import static jcuda.driver.JCudaDriver.cuCtxCreate;
import static jcuda.driver.JCudaDriver.cuCtxDestroy;
import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.BackendUnavailableException;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.KernelLaunchException;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.BackendKernel;
import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.DeviceBuffer;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.KernelResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import jcuda.driver.CUcontext;
import jcuda.driver.CUctx_flags;
import jcuda.driver.CUresult;

/**
 * A CUDA context of its own on one device. Kernels' rings live in mapped host memory.
 *
 * <p>A device fault (an illegal address in a handler, say) is sticky: CUDA leaves the whole process
 * unable to use the GPU until it restarts (a new context fails with the same error). The kernel
 * whose handler was running is failed with the CUDA error; every other kernel of the context is
 * failed explicitly, naming that kernel; the messages they held get error replies; nothing waits
 * forever; and the backend reports itself unavailable, with the reason, so new launches go to
 * another backend.
 */
final class CudaContext implements BackendContext {
    private static final System.Logger LOG = System.getLogger(CudaContext.class.getName());

    private final CudaDevice device;
    private final RuntimeConfig config;
    private final PtxSource ptx;
    private final Consumer<String> onFault;
    private final Set<CudaKernel> kernels = ConcurrentHashMap.newKeySet();
    private final List<Runnable> retired = new ArrayList<>();
    private final CUcontext context;
    private String lost;

    /**
     * @param device the device
     * @param config the runtime's settings
     * @param ptx where compiled handlers come from
     * @param onFault told, with the reason, when a device fault leaves CUDA unusable in this process
     */
    CudaContext(CudaDevice device, RuntimeConfig config, PtxSource ptx, Consumer<String> onFault) {
        this.device = device;
        this.config = config;
        this.ptx = ptx;
        this.onFault = onFault;
        this.context = create(device);
    }

    private static CUcontext create(CudaDevice device) {
        CUcontext created = new CUcontext();
        CudaException.check(cuCtxCreate(created, CUctx_flags.CU_CTX_SCHED_SPIN | CUctx_flags.CU_CTX_MAP_HOST,
                device.handle()), "cuCtxCreate on " + device.info().name());
        return created;
    }

    @Override
    public DeviceInfo device() {
        return device.info();
    }

    @Override
    public DeviceBuffer allocate(long bytes, int alignment) {
        CUcontext current = current();
        return MappedBuffer.allocate(current, this::retire, bytes, alignment);
    }

    /**
     * @throws KernelLaunchException with nvcc's or the JIT's log if the handler does not compile
     */
    @Override
    public CompiledKernel compile(KernelProgram program) {
        String id = program.definition().id();
        String compiled;
        try {
            compiled = ptx.of(program.definition());
        } catch (Nvcc.NvccException e) {
            throw new KernelLaunchException(id, "the CUDA handler of kernel definition '" + id
                    + "' does not compile with nvcc:\n" + e.getMessage(), e);
        }
        return new CudaCompiledKernel(program, compiled);
    }

    @Override
    public BackendKernel launch(CompiledKernel kernel, KernelResources resources) {
        CUcontext current = current();
        LaunchMode mode = resources.mode();
        long persistent = kernels.stream().filter(running -> running.mode() == LaunchMode.PERSISTENT).count();
        if (mode == LaunchMode.PERSISTENT && persistent >= device.persistentSlots()) {
            LOG.log(System.Logger.Level.INFO, "kernel ''{0}'' runs EVENT_DRIVEN: {1} holds {2} persistent kernel(s), "
                    + "its limit", resources.kernelId(), device.info().name(), persistent);
            mode = LaunchMode.EVENT_DRIVEN;
        }
        LaunchMode chosen = mode;
        try {
            CudaCompiledKernel compiled = (CudaCompiledKernel) kernel;
            CudaKernel launched = quiesced(() -> chosen == LaunchMode.PERSISTENT
                    ? new PersistentCudaKernel(this, current, compiled, resources)
                    : new EventDrivenCudaKernel(this, current, compiled, resources, config.telemetryEnabled()));
            kernels.add(launched);
            return launched;
        } catch (CudaModule.JitException e) {
            String id = kernel.program().definition().id();
            throw new KernelLaunchException(resources.kernelId(), "the PTX of kernel definition '" + id
                    + "' does not load on " + device.info().name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs code-loading work with every persistent loop of the context stopped: loading or
     * unloading a module waits for every running kernel of its context, and a persistent loop never
     * ends by itself. Each loop stops at a message boundary and resumes where it stopped; messages
     * wait meanwhile, none is lost.
     *
     * @param work what to do, in this context
     * @param <T> its result
     * @return its result
     */
    synchronized <T> T quiesced(Supplier<T> work) {
        current();
        List<CudaKernel> paused = new ArrayList<>();
        try {
            for (CudaKernel kernel : kernels) {
                kernel.pause();
                paused.add(kernel);
            }
            releaseRetired();
            return work.get();
        } finally {
            paused.forEach(CudaKernel::resume);
        }
    }

    /** @param work what to do with every persistent loop of the context stopped */
    void quiesced(Runnable work) {
        quiesced(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Unpins memory once no persistent loop runs, which may wait until the next time the loops
     * stop (or the context closes).
     *
     * @param release what to release
     */
    synchronized void retire(Runnable release) {
        retired.add(release);
        if (kernels.stream().noneMatch(CudaKernel::loopRunning)) {
            releaseRetired();
        }
    }

    private void releaseRetired() {
        List<Runnable> due = List.copyOf(retired);
        retired.clear();
        due.forEach(Runnable::run);
    }

    /**
     * Makes this context current on the calling thread.
     *
     * @return the context
     * @throws BackendUnavailableException if a device fault broke it
     */
    synchronized CUcontext current() {
        if (lost != null) {
            throw new BackendUnavailableException(BackendType.CUDA, lost);
        }
        CudaException.check(cuCtxSetCurrent(context), "cuCtxSetCurrent");
        return context;
    }

    /**
     * A kernel's device work failed: the context is broken. Fails every kernel of the context,
     * naming the kernels whose handlers were running as the cause.
     *
     * @param reporter the kernel that saw the error
     * @param error the driver's error
     */
    synchronized void deviceFault(CudaKernel reporter, CudaException error) {
        if (lost != null) {
            return;
        }
        List<CudaKernel> running = kernels.stream().filter(CudaKernel::busyOnDevice).toList();
        List<String> culprits = (running.isEmpty() ? List.of(reporter) : running).stream().map(CudaKernel::id).toList();
        String cause = CUresult.stringFor(error.result());
        LOG.log(System.Logger.Level.WARNING, "CUDA context on {0} broken by a fault in kernel(s) {1}: {2}",
                device.info().name(), culprits, error.getMessage());
        for (CudaKernel kernel : kernels) {
            kernel.lose(culprits.contains(kernel.id())
                    ? "device fault in kernel '" + kernel.id() + "': " + cause
                    : "the CUDA context on " + device.info().name() + " was lost to a device fault in kernel(s) "
                            + culprits + " (" + cause + "); this kernel was failed with it");
        }
        lost = "a device fault (" + cause + " in kernel(s) " + culprits + ") left CUDA unusable in this process; "
                + "restart the JVM to use " + device.info().name() + " again";
        onFault.accept(lost);
    }

    /** @param kernel a kernel that terminated */
    synchronized void ended(CudaKernel kernel) {
        kernels.remove(kernel);
        if (kernels.stream().noneMatch(CudaKernel::loopRunning)) {
            releaseRetired();
        }
    }

    @Override
    public synchronized void close() {
        if (lost == null) {
            releaseRetired();
        }
        retired.clear();
        cuCtxDestroy(context);
    }

    /** Where a kernel definition's PTX comes from. */
    interface PtxSource {
        /**
         * @param definition a definition with a CUDA handler
         * @return the PTX of its whole program
         */
        String of(KernelDefinition definition);
    }
}
