package io.ringkernel.conformance;

import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.spi.Backend;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A suite's runtime on the backend under test, with the {@link ConformanceKernel}: started
 * before each test (or the test skipped with the backend's reason where it cannot run here) and
 * shut down after it. A backend runs a suite through a subclass that names its {@link Backend}.
 */
public abstract class RuntimeOnBackend {
    /** The runtime under test, started before each test on the backend under test. */
    protected RingKernelRuntime runtime;

    /** @return the backend under test */
    protected abstract Backend backend();

    /** @return the index of the device under test within the backend; 0, its first, by default */
    protected int device() {
        return 0;
    }

    /** @return the runtime settings the suite runs with; backends may adjust them */
    protected RuntimeConfig config() {
        return RuntimeConfig.defaults().withSendTimeout(Duration.ofMillis(200));
    }

    /** Starts a runtime whose default backend is the one under test, or skips if it cannot run here. */
    @BeforeEach
    void startRuntime() {
        BackendPresence.require(backend());
        runtime = RingKernelRuntime.builder().backend(backend().type()).device(device()).config(config())
                .addBackend(backend()).addKernel(new ConformanceKernel()).build();
    }

    /** Shuts the runtime down. */
    @AfterEach
    void stopRuntime() {
        if (runtime != null) {
            runtime.shutdown();
        }
    }
}
