package io.ringkernel.backend.cuda;

import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.KernelProgram;

/**
 * A kernel program compiled to PTX. Each launch loads its own module from the PTX, so a compiled
 * kernel outlives the context it was checked in (a context rebuilt after a fault loads it again).
 *
 * @param program the program
 * @param ptx the PTX of the whole program, loop included
 */
record CudaCompiledKernel(KernelProgram program, String ptx) implements CompiledKernel {
}
