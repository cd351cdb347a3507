package io.ringkernel.backend.opencl;

import static org.jocl.CL.CL_DEVICE_ENDIAN_LITTLE;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VENDOR;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_DRIVER_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clGetPlatformInfo;

import io.ringkernel.api.DeviceInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** Finds the OpenCL platforms and devices of this machine and reads what they report. */
final class OpenClDevices {

    private OpenClDevices() {
    }

    /**
     * @return every little-endian device of every platform, GPUs and accelerators first, numbered
     *         in that order
     * @throws org.jocl.CLException if the ICD loader fails
     * @throws LinkageError if JOCL's native library or the OpenCL library cannot be loaded
     */
    static List<OpenClDevice> discover() {
        CL.setExceptionsEnabled(true);
        List<cl_platform_id> platformOf = new ArrayList<>();
        List<cl_device_id> found = new ArrayList<>();
        for (cl_platform_id platform : platforms()) {
            for (cl_device_id device : devices(platform)) {
                if (deviceInt(device, CL_DEVICE_ENDIAN_LITTLE) != 0) {
                    platformOf.add(platform);
                    found.add(device);
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> !accelerator(found.get(i))));
        List<OpenClDevice> devices = new ArrayList<>();
        for (int i : order) {
            devices.add(describe(devices, platformOf.get(i), found.get(i)));
        }
        return List.copyOf(devices);
    }

    /**
     * @param devices what {@link #discover()} found
     * @param name a device name
     * @param namesake how many devices of that name come before the one wanted
     * @return that device, if it is there
     */
    static Optional<OpenClDevice> find(List<OpenClDevice> devices, String name, int namesake) {
        return devices.stream().filter(device -> device.info().name().equals(name) && device.namesake() == namesake)
                .findFirst();
    }

    private static boolean accelerator(cl_device_id device) {
        return (deviceLong(device, CL_DEVICE_TYPE) & (CL_DEVICE_TYPE_GPU | CL_DEVICE_TYPE_ACCELERATOR)) != 0;
    }

    private static OpenClDevice describe(List<OpenClDevice> before, cl_platform_id platform, cl_device_id device) {
        String name = deviceText(device, CL_DEVICE_NAME);
        DeviceInfo info = new DeviceInfo(before.size(), name, deviceText(device, CL_DEVICE_VENDOR),
                platformText(platform, CL_PLATFORM_NAME) + " | " + deviceText(device, CL_DEVICE_VERSION)
                        + " | driver " + deviceText(device, CL_DRIVER_VERSION),
                deviceInt(device, CL_DEVICE_MAX_COMPUTE_UNITS), deviceLong(device, CL_DEVICE_GLOBAL_MEM_SIZE));
        int namesake = (int) before.stream().filter(other -> other.info().name().equals(name)).count();
        return new OpenClDevice(platform, device, info, accelerator(device), namesake);
    }

    private static cl_platform_id[] platforms() {
        int[] count = new int[1];
        clGetPlatformIDs(0, null, count);
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        if (count[0] > 0) {
            clGetPlatformIDs(count[0], platforms, null);
        }
        return platforms;
    }

    private static cl_device_id[] devices(cl_platform_id platform) {
        int[] count = new int[1];
        try {
            clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, count);
        } catch (org.jocl.CLException e) {
            return new cl_device_id[0];
        }
        cl_device_id[] devices = new cl_device_id[count[0]];
        clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, count[0], devices, null);
        return devices;
    }

    private static String platformText(cl_platform_id platform, int parameter) {
        long[] size = new long[1];
        clGetPlatformInfo(platform, parameter, 0, null, size);
        byte[] text = new byte[(int) size[0]];
        clGetPlatformInfo(platform, parameter, text.length, Pointer.to(text), null);
        return cString(text);
    }

    private static String deviceText(cl_device_id device, int parameter) {
        long[] size = new long[1];
        clGetDeviceInfo(device, parameter, 0, null, size);
        byte[] text = new byte[(int) size[0]];
        clGetDeviceInfo(device, parameter, text.length, Pointer.to(text), null);
        return cString(text);
    }

    private static int deviceInt(cl_device_id device, int parameter) {
        int[] value = new int[1];
        clGetDeviceInfo(device, parameter, Sizeof.cl_uint, Pointer.to(value), null);
        return value[0];
    }

    private static long deviceLong(cl_device_id device, int parameter) {
        long[] value = new long[1];
        clGetDeviceInfo(device, parameter, Sizeof.cl_ulong, Pointer.to(value), null);
        return value[0];
    }

    private static String cString(byte[] text) {
        int length = 0;
        while (length < text.length && text[length] != 0) {
            length++;
        }
        return new String(text, 0, length, StandardCharsets.UTF_8).trim();
    }
}
