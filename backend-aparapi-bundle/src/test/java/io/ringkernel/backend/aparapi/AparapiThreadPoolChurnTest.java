package io.ringkernel.backend.aparapi;

import io.ringkernel.conformance.chaos.ChurnSuite;
import io.ringkernel.spi.Backend;

/** The churn suite with the Java handler on Aparapi's Java thread pool. */
class AparapiThreadPoolChurnTest extends ChurnSuite {

    @Override
    protected Backend backend() {
        return AparapiDevicesUnderTest.BACKEND;
    }

    @Override
    protected int device() {
        return AparapiDevicesUnderTest.threadPool();
    }
}
