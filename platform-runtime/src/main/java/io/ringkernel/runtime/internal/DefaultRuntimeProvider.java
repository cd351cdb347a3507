package io.ringkernel.runtime.internal;

import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.spi.RuntimeProvider;
import io.ringkernel.spi.RuntimeSpec;

/** Found by {@code RingKernelRuntime.builder()} through ServiceLoader in a plain JVM. */
public final class DefaultRuntimeProvider implements RuntimeProvider {

    @Override
    public RingKernelRuntime create(RuntimeSpec spec) {
        return new DefaultRingKernelRuntime(spec);
    }
}
