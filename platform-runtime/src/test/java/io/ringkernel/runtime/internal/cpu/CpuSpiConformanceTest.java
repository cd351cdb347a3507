package io.ringkernel.runtime.internal.cpu;

import io.ringkernel.conformance.SpiConformanceSuite;
import io.ringkernel.spi.Backend;

/** The CPU backend passes the shared SPI conformance suite. */
class CpuSpiConformanceTest extends SpiConformanceSuite {

    @Override
    protected Backend backend() {
        return new CpuBackend();
    }
}
