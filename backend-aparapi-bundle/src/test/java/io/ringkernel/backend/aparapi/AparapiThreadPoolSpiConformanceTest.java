package io.ringkernel.backend.aparapi;

import io.ringkernel.conformance.SpiConformanceSuite;
import io.ringkernel.spi.Backend;

/** The SPI conformance suite, raw rings, with the Java handler on Aparapi's Java thread pool. */
class AparapiThreadPoolSpiConformanceTest extends SpiConformanceSuite {

    @Override
    protected Backend backend() {
        return AparapiDevicesUnderTest.BACKEND;
    }

    @Override
    protected int device() {
        return AparapiDevicesUnderTest.threadPool();
    }
}
