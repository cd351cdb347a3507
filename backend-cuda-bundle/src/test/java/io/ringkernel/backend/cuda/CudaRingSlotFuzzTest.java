package io.ringkernel.backend.cuda;

import io.ringkernel.conformance.fuzz.RingSlotFuzzSuite;
import io.ringkernel.spi.Backend;

/**
 * The ring-slot fuzz suite, garbage and mutated records in the input ring, on the first CUDA
 * device; skipped with the reason where there is none.
 */
class CudaRingSlotFuzzTest extends RingSlotFuzzSuite {
    private static final Backend BACKEND = new CudaBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }
}
