package io.ringkernel.backend.opencl;

import io.ringkernel.conformance.fuzz.RingSlotFuzzSuite;
import io.ringkernel.spi.Backend;

/** The OpenCL backend keeps serving under the ring-slot fuzz suite: garbage and mutated records in its input ring. */
class OpenClRingSlotFuzzTest extends RingSlotFuzzSuite {
    private static final Backend BACKEND = new OpenClBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
