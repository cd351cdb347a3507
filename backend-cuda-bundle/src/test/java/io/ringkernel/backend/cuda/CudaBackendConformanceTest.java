package io.ringkernel.backend.cuda;

import io.ringkernel.conformance.BackendConformanceSuite;
import io.ringkernel.spi.Backend;

/** The conformance suite on the first CUDA device; skipped with the reason where there is none. */
class CudaBackendConformanceTest extends BackendConformanceSuite {
    private static final Backend BACKEND = new CudaBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
