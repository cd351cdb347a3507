package io.ringkernel.runtime.internal;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.BackendType;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.Dim3;
import io.ringkernel.api.KernelAlreadyExistsException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelLaunchException;
import io.ringkernel.api.KernelNotFoundException;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelException;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.api.SerializationException;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageSerializer;
import io.ringkernel.spi.RuntimeSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The runtime: registries of plug-ins, the live kernels, and the host's clock. */
final class DefaultRingKernelRuntime implements RingKernelRuntime {
    private static final System.Logger LOG = System.getLogger(DefaultRingKernelRuntime.class.getName());

    private final RuntimeConfig config;
    private final ResourceLimits limits;
    private final DeviceChoice devices;
    private final BackendRegistry backends;
    private final SerializerRegistry serializers;
    private final Map<String, KernelDefinition> definitions = new ConcurrentHashMap<>();
    private final Map<String, KernelInstance> kernels = new ConcurrentHashMap<>();
    private final BackendType requestedBackend;
    private final HybridLogicalClock hostClock = HybridLogicalClock.system(0);
    private final AtomicInteger kernelNumbers = new AtomicInteger();
    private final ExecutorService async = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "ringkernel-async");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService graceTimer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ringkernel-hot-swap");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;

    /** @param spec what to start: its device index is every backend's device, where the backend has it */
    DefaultRingKernelRuntime(RuntimeSpec spec) {
        this(spec, DeviceChoice.everyBackend(spec.device()));
    }

    /**
     * @param spec what to start; its device index is not read
     * @param devices the device each backend runs kernels on
     */
    DefaultRingKernelRuntime(RuntimeSpec spec, DeviceChoice devices) {
        this.config = spec.config();
        this.limits = new ResourceLimits(config);
        this.devices = devices;
        this.backends = new BackendRegistry(spec.backends(), devices, config);
        this.serializers = new SerializerRegistry(spec.serializers());
        for (KernelDefinition definition : spec.kernels()) {
            if (!addDefinition(definition)) {
                throw new IllegalArgumentException("two kernel definitions share the id '" + definition.id() + "'");
            }
        }
        this.requestedBackend = spec.backend();
        LOG.log(System.Logger.Level.INFO, "RingKernel runtime started on the {0} backend with {1} kernel definitions",
                defaultBackend(), definitions.size());
    }

    @Override
    public synchronized KernelHandle launch(String kernelId, Dim3 grid, Dim3 block, LaunchOptions options) {
        requireRunning();
        KernelInstance existing = kernels.get(kernelId);
        if (existing != null && existing.status() != KernelStatus.TERMINATED) {
            throw new KernelAlreadyExistsException(kernelId, existing.status());
        }
        String definitionId = options.definitionId() != null ? options.definitionId() : kernelId;
        KernelDefinition definition = definitions.get(definitionId);
        if (definition == null) {
            throw new KernelNotFoundException(definitionId, "kernel definition");
        }
        BackendType requested = options.backend() == null ? requestedBackend : options.backend();
        Backend backend = backends.select(requested == BackendType.AUTO ? requestedBackend : requested, definition);
        LaunchMode mode = options.mode() != null ? options.mode() : backend.defaultMode();
        if (!backend.modes().contains(mode)) {
            throw new KernelLaunchException(kernelId, "backend " + backend.type() + " cannot run kernel '" + kernelId
                    + "' in " + mode + " mode; it supports " + backend.modes(), null);
        }
        int inputCapacity = orDefault(options.inputCapacity(), config.defaultQueueCapacity());
        int outputCapacity = orDefault(options.outputCapacity(), config.defaultQueueCapacity());
        limits.check(kernelId, kernels.values(), inputCapacity, outputCapacity);
        KernelSetup setup = new KernelSetup(kernelId, kernelNumbers.incrementAndGet(), serializers.program(definition),
                backend.type(), backends.context(backend), mode, grid, block, inputCapacity, outputCapacity,
                orDefault(options.maxMessageSize(), config.maxMessageSize()), config, hostClock, async,
                options.restartPolicyOrNever());
        KernelInstance kernel = new KernelInstance(setup);
        try {
            kernel.launch();
        } catch (RingKernelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KernelLaunchException(kernelId, "backend " + backend.type() + " failed to launch kernel '"
                    + kernelId + "': " + e.getMessage(), e);
        }
        kernels.put(kernelId, kernel);
        if (options.autoActivate()) {
            kernel.activate();
        }
        return kernel;
    }

    /**
     * Makes a definition launchable, unless another one already has its id.
     *
     * @param definition the definition
     * @return true if added, false if the id was taken
     */
    synchronized boolean addDefinition(KernelDefinition definition) {
        if (definitions.putIfAbsent(definition.id(), definition) != null) {
            return false;
        }
        for (KernelInstance kernel : kernels.values()) {
            if (kernel.detached() && kernel.definition().id().equals(definition.id())) {
                reattach(kernel, definition);
            }
        }
        return true;
    }

    private void reattach(KernelInstance kernel, KernelDefinition definition) {
        try {
            kernel.reattach(serializers.program(definition));
            LOG.log(System.Logger.Level.INFO, "kernel ''{0}'' now runs the new code of definition ''{1}''",
                    kernel.id(), definition.id());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "kernel '" + kernel.id() + "' cannot run the new code of definition '"
                    + definition.id() + "' yet; it stays parked until the serializers it needs are installed, another "
                    + "definition comes, or the hot-swap grace period ends", e);
        }
    }

    /**
     * Withdraws a definition: no new kernel can be launched from it, and the kernels running its
     * code stop being fed. If a definition with the same id comes back within the hot-swap grace
     * period (an update of the bundle that provides it), they run the new code on the same queues;
     * otherwise they are terminated and what is still queued fails back to its senders. Each
     * departure has its own grace period: a kernel that was reattached is not terminated by the
     * period of an earlier departure.
     *
     * @param definition the definition, as it was added
     */
    synchronized void removeDefinition(KernelDefinition definition) {
        if (!definitions.remove(definition.id(), definition)) {
            return;
        }
        for (KernelInstance kernel : kernels.values()) {
            long departure = kernel.definition() == definition ? kernel.detach() : 0;
            if (departure > 0) {
                graceTimer.schedule(() -> terminateIfStillDetached(kernel, departure), config.hotSwapGrace().toNanos(),
                        TimeUnit.NANOSECONDS);
            }
        }
    }

    /**
     * Makes a backend available for new launches.
     *
     * @param backend the backend
     * @param ranking its service ranking, which breaks ties between backends of equal priority
     */
    synchronized void addBackend(Backend backend, int ranking) {
        backends.add(backend, ranking);
        LOG.log(System.Logger.Level.INFO, "backend {0} ({1}) installed", backend.type(), backend.getClass().getName());
        reportChosenDevice(backend);
    }

    /** Says which device a backend whose device a property chose runs kernels on, or why it runs none. */
    private void reportChosenDevice(Backend backend) {
        String chosenBy = devices.chosenBy(backend.type());
        if (chosenBy.isEmpty() || !backend.availability().available()) {
            return;
        }
        Backend.Availability availability = backends.availability(backend);
        if (availability.available()) {
            DeviceInfo device = backends.device(backend);
            LOG.log(System.Logger.Level.INFO, "backend {0} runs kernels on its device {1} ({2}), as {3} chooses",
                    backend.type(), device.index(), device.name(), chosenBy);
        } else {
            LOG.log(System.Logger.Level.ERROR, "backend {0} ({1}) is unavailable and runs no kernels: {2}",
                    backend.type(), backend.getClass().getName(), availability.reason());
        }
    }

    /**
     * Withdraws a backend: the kernels running on it are terminated, their queued messages failed
     * back to their senders as {@link io.ringkernel.api.ErrorCode#KERNEL_TERMINATED}, and its
     * context is closed.
     *
     * @param backend the backend, as it was added
     */
    synchronized void removeBackend(Backend backend) {
        BackendContext context = backends.remove(backend);
        if (context == null) {
            return;
        }
        String reason = "its backend " + backend.type() + " (" + backend.getClass().getName() + ") was removed";
        for (KernelInstance kernel : kernels.values()) {
            if (kernel.context() == context) {
                kernel.terminate(reason);
            }
        }
        context.close();
    }

    /**
     * Makes a serializer available: kernels suspended for it resume, and kernels whose definition
     * came back while a serializer it needs was away run the new code now.
     *
     * @param serializer a serializer that kernels' message types may now use
     */
    synchronized void addSerializer(MessageSerializer serializer) {
        serializers.add(serializer);
        for (KernelInstance kernel : kernels.values()) {
            if (kernel.suspended() && SerializerRegistry.uses(kernel.definition(), serializer.name())) {
                resume(kernel);
            }
            KernelDefinition returned = kernel.detached() ? definitions.get(kernel.definition().id()) : null;
            if (returned != null && SerializerRegistry.uses(returned, serializer.name())) {
                reattach(kernel, returned);
            }
        }
    }

    /**
     * Withdraws a serializer: the kernels whose message types use it are deactivated with a status
     * that says why, and resume once a serializer of that name is installed again.
     *
     * @param serializer the serializer, as it was added
     */
    synchronized void removeSerializer(MessageSerializer serializer) {
        if (!serializers.remove(serializer)) {
            return;
        }
        String name = serializer.name();
        String reason = "serializer '" + name + "' was removed; the kernel is deactivated until it returns";
        for (KernelInstance kernel : kernels.values()) {
            if (SerializerRegistry.uses(kernel.definition(), name) && kernel.suspend(reason)
                    && serializers.installed(name)) {
                resume(kernel);
            }
        }
    }

    private void resume(KernelInstance kernel) {
        try {
            kernel.resume(serializers::program);
            LOG.log(System.Logger.Level.INFO, "kernel ''{0}'' resumed with the serializers installed now", kernel.id());
        } catch (SerializationException e) {
            LOG.log(System.Logger.Level.INFO, "kernel ''{0}'' still waits: {1}", kernel.id(), e.getMessage());
        }
    }

    private void terminateIfStillDetached(KernelInstance kernel, long departure) {
        if (kernel.detachedSince(departure)) {
            LOG.log(System.Logger.Level.INFO, "definition of kernel ''{0}'' did not come back; terminating it", kernel.id());
            kernel.terminate();
        }
    }

    private static int orDefault(int value, int fallback) {
        return value != 0 ? value : fallback;
    }

    @Override
    public KernelHandle kernel(String kernelId) {
        KernelInstance kernel = kernels.get(kernelId);
        if (kernel == null) {
            throw new KernelNotFoundException(kernelId, "kernel");
        }
        return kernel;
    }

    @Override
    public List<String> listKernels() {
        return kernels.keySet().stream().sorted().toList();
    }

    @Override
    public List<String> listDefinitions() {
        return definitions.keySet().stream().sorted().toList();
    }

    @Override
    public List<BackendInfo> backends() {
        return backends.infos();
    }

    @Override
    public BackendType defaultBackend() {
        return backends.select(requestedBackend).type();
    }

    @Override
    public RuntimeConfig config() {
        return config;
    }

    @Override
    public void shutdown() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        kernels.values().forEach(KernelInstance::terminate);
        backends.close();
        async.shutdownNow();
        graceTimer.shutdownNow();
        LOG.log(System.Logger.Level.INFO, "RingKernel runtime shut down");
    }

    private void requireRunning() {
        if (!running) {
            throw new RingKernelException(null, "the runtime has been shut down");
        }
    }
}
