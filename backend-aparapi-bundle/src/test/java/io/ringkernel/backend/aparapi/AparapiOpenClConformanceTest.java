package io.ringkernel.backend.aparapi;

import io.ringkernel.conformance.BackendConformanceSuite;
import io.ringkernel.spi.Backend;

/** The conformance suite with the Java handler translated to OpenCL, on the first OpenCL device (PoCL in CI). */
class AparapiOpenClConformanceTest extends BackendConformanceSuite {

    @Override
    protected Backend backend() {
        return AparapiDevicesUnderTest.BACKEND;
    }

    @Override
    protected int device() {
        return AparapiDevicesUnderTest.openCl();
    }
}
