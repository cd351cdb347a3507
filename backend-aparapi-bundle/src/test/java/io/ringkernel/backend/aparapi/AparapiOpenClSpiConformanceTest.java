package io.ringkernel.backend.aparapi;

import io.ringkernel.conformance.SpiConformanceSuite;
import io.ringkernel.spi.Backend;

/** The SPI conformance suite, raw rings, with the Java handler translated to OpenCL, on the first OpenCL device (PoCL in CI). */
class AparapiOpenClSpiConformanceTest extends SpiConformanceSuite {

    @Override
    protected Backend backend() {
        return AparapiDevicesUnderTest.BACKEND;
    }

    @Override
    protected int device() {
        return AparapiDevicesUnderTest.openCl();
    }
}
