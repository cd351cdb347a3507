package io.ringkernel.backend.opencl;

import io.ringkernel.conformance.fuzz.PublicApiFuzzSuite;
import io.ringkernel.spi.Backend;

/** The OpenCL backend keeps its promises under the public-API fuzz suite: generated messages by call and send. */
class OpenClPublicApiFuzzTest extends PublicApiFuzzSuite {
    private static final Backend BACKEND = new OpenClBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    /** @return true: the device handler has run when it reports a failure */
    @Override
    protected boolean handlerFailuresCountAsProcessed() {
        return true;
    }
}
