package io.ringkernel.backend.opencl;

import io.ringkernel.conformance.chaos.ChurnSuite;
import io.ringkernel.spi.Backend;

/** The churn suite on the first OpenCL device here (PoCL's CPU device in CI). */
class OpenClChurnTest extends ChurnSuite {
    private static final Backend BACKEND = new OpenClBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
