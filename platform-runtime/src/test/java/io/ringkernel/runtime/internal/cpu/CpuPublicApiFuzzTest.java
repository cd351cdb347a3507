package io.ringkernel.runtime.internal.cpu;

import io.ringkernel.conformance.fuzz.PublicApiFuzzSuite;
import io.ringkernel.spi.Backend;

/** The CPU backend keeps its promises under the public-API fuzz suite: generated messages by call and send. */
class CpuPublicApiFuzzTest extends PublicApiFuzzSuite {

    @Override
    protected Backend backend() {
        return new CpuBackend();
    }
}
