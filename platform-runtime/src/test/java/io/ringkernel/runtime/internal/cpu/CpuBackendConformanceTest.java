package io.ringkernel.runtime.internal.cpu;

import io.ringkernel.conformance.BackendConformanceSuite;
import io.ringkernel.spi.Backend;

/** The CPU backend passes the shared conformance suite. */
class CpuBackendConformanceTest extends BackendConformanceSuite {

    @Override
    protected Backend backend() {
        return new CpuBackend();
    }
}
