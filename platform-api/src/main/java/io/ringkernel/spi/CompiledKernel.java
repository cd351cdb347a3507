package io.ringkernel.spi;

import org.osgi.annotation.versioning.ConsumerType;

/** A kernel program compiled by a backend; opaque to the runtime. */
@ConsumerType
public interface CompiledKernel {

    /** @return the program it was compiled from */
    KernelProgram program();
}
