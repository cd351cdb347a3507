package io.ringkernel.backend.opencl;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clReleaseProgram;

import io.ringkernel.api.DeviceInfo;
import java.nio.charset.StandardCharsets;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;

/**
 * One OpenCL device found on this machine.
 *
 * @param platform the platform that offers it
 * @param device the device
 * @param info what the API reports of it
 * @param accelerator true for a GPU or accelerator, false for a CPU device such as PoCL's
 * @param namesake how many devices of the same name come before it: how a process that lists other
 *                 platforms too, or fewer, finds the same device
 */
record OpenClDevice(cl_platform_id platform, cl_device_id device, DeviceInfo info, boolean accelerator, int namesake) {

    /**
     * Builds an OpenCL C program for this device.
     *
     * @param context a context on this device
     * @param source the program
     * @return the built program
     * @throws ProgramBuildException carrying the compiler's build log if it does not compile
     */
    cl_program build(cl_context context, String source) {
        cl_program built = clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
        try {
            clBuildProgram(built, 1, new cl_device_id[] {device}, "", null, null);
            return built;
        } catch (CLException e) {
            String log = buildLog(built);
            clReleaseProgram(built);
            throw new ProgramBuildException(log, e);
        }
    }

    private String buildLog(cl_program program) {
        long[] size = new long[1];
        clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] log = new byte[(int) size[0]];
        clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
        return new String(log, StandardCharsets.UTF_8).trim();
    }

    /** @return a new context on this device alone */
    cl_context createContext() {
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, platform);
        return clCreateContext(properties, 1, new cl_device_id[] {device}, null, null, null);
    }
}
