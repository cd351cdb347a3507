package io.ringkernel.backend.aparapi;

import io.ringkernel.conformance.fuzz.RingSlotFuzzSuite;
import io.ringkernel.spi.Backend;

/** The ring-slot fuzz suite, garbage and mutated records in the input ring, with the Java handler on Aparapi's Java thread pool. */
class AparapiThreadPoolRingSlotFuzzTest extends RingSlotFuzzSuite {

    @Override
    protected Backend backend() {
        return AparapiDevicesUnderTest.BACKEND;
    }

    @Override
    protected int device() {
        return AparapiDevicesUnderTest.threadPool();
    }
}
