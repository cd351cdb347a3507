package io.ringkernel.examples;

import io.ringkernel.backend.cuda.CudaBackend;
import io.ringkernel.spi.Backend;

/** The sample kernels' CUDA handlers answer as their Java handlers do. */
class SampleKernelsOnCudaTest extends SampleKernelsOnDeviceSuite {
    private static final CudaBackend CUDA = new CudaBackend();

    @Override
    Backend backend() {
        return CUDA;
    }
}
