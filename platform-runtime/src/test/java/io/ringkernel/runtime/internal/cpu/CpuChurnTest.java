package io.ringkernel.runtime.internal.cpu;

import io.ringkernel.conformance.chaos.ChurnSuite;
import io.ringkernel.spi.Backend;

/** The CPU backend keeps every request's one outcome under churn. */
class CpuChurnTest extends ChurnSuite {

    @Override
    protected Backend backend() {
        return new CpuBackend();
    }
}
