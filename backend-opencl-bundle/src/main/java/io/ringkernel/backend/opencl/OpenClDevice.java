package io.ringkernel.backend.opencl;

import static org.jocl.CL.CL_CONTEXT_PLATFORM;
import static org.jocl.CL.clCreateContext;

import io.ringkernel.api.DeviceInfo;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

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

    /** @return a new context on this device alone */
    cl_context createContext() {
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL_CONTEXT_PLATFORM, platform);
        return clCreateContext(properties, 1, new cl_device_id[] {device}, null, null, null);
    }
}
