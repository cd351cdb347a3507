package io.ringkernel.runtime.internal.cpu;

import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.KernelProgram;

/** On the CPU a kernel's "compiled" form is its program: the Java handler runs as it is. */
record CpuCompiledKernel(KernelProgram program) implements CompiledKernel {
}
