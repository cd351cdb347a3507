package io.ringkernel.backend.opencl;

import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.KernelProgram;
import org.jocl.cl_program;

/**
 * A kernel's program built for one OpenCL device.
 *
 * @param program the definition and codecs it was built from
 * @param source the OpenCL C program: the batch kernel with the handler spliced in
 * @param built the OpenCL program holding the batch kernel
 */
record OpenClCompiledKernel(KernelProgram program, String source, cl_program built) implements CompiledKernel {
}
