package io.ringkernel.backend.opencl;

import io.ringkernel.conformance.SpiConformanceSuite;
import io.ringkernel.spi.Backend;

/** The SPI conformance suite, raw rings against the OpenCL backend. */
class OpenClSpiConformanceTest extends SpiConformanceSuite {
    private static final Backend BACKEND = new OpenClBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
