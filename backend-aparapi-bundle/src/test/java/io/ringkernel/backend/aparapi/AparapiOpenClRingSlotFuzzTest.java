package io.ringkernel.backend.aparapi;

import io.ringkernel.conformance.fuzz.RingSlotFuzzSuite;
import io.ringkernel.spi.Backend;

/** The ring-slot fuzz suite, garbage and mutated records in the input ring, with the Java handler translated to OpenCL, on the first OpenCL device (PoCL in CI). */
class AparapiOpenClRingSlotFuzzTest extends RingSlotFuzzSuite {

    @Override
    protected Backend backend() {
        return AparapiDevicesUnderTest.BACKEND;
    }

    @Override
    protected int device() {
        return AparapiDevicesUnderTest.openCl();
    }
}
