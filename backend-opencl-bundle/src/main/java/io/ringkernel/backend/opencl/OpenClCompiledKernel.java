package io.ringkernel.backend.opencl;

import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.KernelProgram;
import org.jocl.cl_program;

/**
 * A kernel's program built for one OpenCL device.
 *
 * @param program the definition and codecs it was built from
 * @param built the OpenCL program holding the batch kernel
 */
record OpenClCompiledKernel(KernelProgram program, cl_program built) implements CompiledKernel {
}
