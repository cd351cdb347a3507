package io.ringkernel.backend.cuda;

import io.ringkernel.conformance.chaos.ChurnSuite;
import io.ringkernel.spi.Backend;

/** The churn suite on the first CUDA device; skipped with the reason where there is none. */
class CudaChurnTest extends ChurnSuite {
    private static final Backend BACKEND = new CudaBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
