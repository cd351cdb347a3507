package io.ringkernel.backend.cuda;

import io.ringkernel.conformance.SpiConformanceSuite;
import io.ringkernel.spi.Backend;

/** The SPI conformance suite, raw rings, on the first CUDA device; skipped with the reason where there is none. */
class CudaSpiConformanceTest extends SpiConformanceSuite {
    private static final Backend BACKEND = new CudaBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
