package io.ringkernel.dashboard;

import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelNotFoundException;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.text.TextCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A runtime in this JVM, through its public API.
 */
public final class LocalSource implements DashboardSource {
    /** How long a test message waits for its reply. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final RingKernelRuntime runtime;
    private final Optional<Path> deployDirectory;
    private final Supplier<List<DeployedBundle>> bundles;

    /**
     * @param runtime the runtime
     * @param deployDirectory the platform's {@code deploy/} folder, if it has one
     * @param bundles lists the deployed kernel bundles (empty outside OSGi)
     */
    public LocalSource(RingKernelRuntime runtime, Optional<Path> deployDirectory, Supplier<List<DeployedBundle>> bundles) {
        this.runtime = runtime;
        this.deployDirectory = deployDirectory;
        this.bundles = bundles;
    }

    @Override
    public String describe() {
        return "local runtime (default backend " + runtime.defaultBackend() + ")";
    }

    @Override
    public DashboardSnapshot snapshot() {
        List<KernelMetrics> kernels = new ArrayList<>();
        for (String id : runtime.listKernels()) {
            try {
                kernels.add(runtime.metrics(id));
            } catch (KernelNotFoundException e) {
                // it went away between the listing and the read: the next snapshot has it gone too
            }
        }
        return new DashboardSnapshot(Instant.now(), kernels, runtime.backends(), runtime.listDefinitions(), bundles.get());
    }

    @Override
    public void activate(String kernelId) {
        runtime.activate(kernelId);
    }

    @Override
    public void deactivate(String kernelId) {
        runtime.deactivate(kernelId);
    }

    @Override
    public void terminate(String kernelId) {
        runtime.terminate(kernelId);
    }

    @Override
    public void launch(String kernelId, String definitionId) {
        runtime.launch(kernelId, LaunchOptions.defaults().withDefinition(definitionId));
    }

    @Override
    public String call(String kernelId, int typeId, String words) {
        return TextCall.call(runtime.kernel(kernelId), typeId, words, CALL_TIMEOUT);
    }

    @Override
    public Path deploy(Path jar) {
        Path directory = deployDirectory.orElseThrow(() -> new UnsupportedOperationException(
                "this runtime has no deploy/ folder: deploy bundles with the platform's distribution"));
        if (!jar.getFileName().toString().endsWith(".jar")) {
            throw new IllegalArgumentException(jar.getFileName() + " is not a bundle jar");
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("the deploy folder " + directory + " does not exist");
        }
        Path staged = directory.resolve(jar.getFileName() + ".tmp");
        try {
            Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(staged, directory.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("cannot copy " + jar + " into " + directory + ": "
                    + IoFailures.reason(e), e);
            try {
                Files.deleteIfExists(staged);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    @Override
    public void close() {
        // the runtime belongs to whoever started it
    }
}
