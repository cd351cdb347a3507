package io.ringkernel.runtime.internal.cpu;

import io.ringkernel.conformance.fuzz.RingSlotFuzzSuite;
import io.ringkernel.spi.Backend;

/** The CPU backend keeps serving under the ring-slot fuzz suite: garbage and mutated records in its input ring. */
class CpuRingSlotFuzzTest extends RingSlotFuzzSuite {

    @Override
    protected Backend backend() {
        return new CpuBackend();
    }
}
