package io.ringkernel.backend.opencl;

import io.ringkernel.conformance.BackendConformanceSuite;
import io.ringkernel.spi.Backend;

/**
 * The conformance suite with kernels run from the test's own process ({@link KernelIsolation#NONE});
 * {@link OpenClBackendConformanceTest} runs it with the default, a worker process per kernel.
 */
class OpenClInProcessConformanceTest extends BackendConformanceSuite {
    private static final Backend BACKEND = new OpenClBackend(KernelIsolation.NONE);

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
