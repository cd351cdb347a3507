package io.ringkernel.backend.aparapi;

import io.ringkernel.conformance.BackendConformanceSuite;
import io.ringkernel.spi.Backend;

/** The conformance suite with the Java handler on Aparapi's Java thread pool. */
class AparapiThreadPoolConformanceTest extends BackendConformanceSuite {

    @Override
    protected Backend backend() {
        return AparapiDevicesUnderTest.BACKEND;
    }

    @Override
    protected int device() {
        return AparapiDevicesUnderTest.threadPool();
    }
}
