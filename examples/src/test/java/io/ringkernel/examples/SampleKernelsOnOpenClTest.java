package io.ringkernel.examples;

import io.ringkernel.backend.opencl.OpenClBackend;
import io.ringkernel.spi.Backend;

/** The sample kernels' OpenCL handlers answer as their Java handlers do. */
class SampleKernelsOnOpenClTest extends SampleKernelsOnDeviceSuite {
    private static final OpenClBackend OPENCL = new OpenClBackend();

    @Override
    Backend backend() {
        return OPENCL;
    }
}
