package io.ringkernel.backend.opencl;

import io.ringkernel.conformance.BackendConformanceSuite;
import io.ringkernel.spi.Backend;

/** The conformance suite on the first OpenCL device here (PoCL's CPU device in CI), a worker process per kernel. */
class OpenClBackendConformanceTest extends BackendConformanceSuite {
    private static final Backend BACKEND = new OpenClBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
