package io.ringkernel.backend.aparapi;

import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.KernelProgram;

/**
 * A kernel's Java handler, checked and planned: ready to be instantiated for each launch.
 *
 * @param program the definition and codecs it was checked against
 * @param handler its handler class
 * @param columns how the handler's columns map onto the kernel's message types
 */
record AparapiCompiledKernel(KernelProgram program, HandlerClass handler, ColumnPlan columns) implements CompiledKernel {
}
