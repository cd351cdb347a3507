package io.ringkernel.backend.cuda;

import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_CAN_MAP_HOST_MEMORY;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_CONCURRENT_KERNELS;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuInit;

import io.ringkernel.api.DeviceInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jcuda.driver.CUdevice;

/** Finds the CUDA devices through the driver API. */
final class CudaDevices {
    private static final int NAME_BYTES = 256;

    private CudaDevices() {
    }

    /**
     * @return every device the driver lists, by index
     * @throws CudaException if the driver cannot be initialised
     * @throws LinkageError if the driver library cannot be loaded
     */
    static List<CudaDevice> discover() {
        CudaException.check(cuInit(0), "cuInit");
        int[] value = new int[1];
        CudaException.check(cuDriverGetVersion(value), "cuDriverGetVersion");
        String driver = "CUDA driver " + value[0] / 1000 + "." + value[0] % 1000 / 10;
        CudaException.check(cuDeviceGetCount(value), "cuDeviceGetCount");
        List<CudaDevice> devices = new ArrayList<>();
        for (int index = 0; index < value[0]; index++) {
            CUdevice device = new CUdevice();
            CudaException.check(cuDeviceGet(device, index), "cuDeviceGet");
            int major = attribute(device, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
            int minor = attribute(device, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
            long[] memory = new long[1];
            CudaException.check(cuDeviceTotalMem(memory, device), "cuDeviceTotalMem");
            DeviceInfo info = new DeviceInfo(index, name(device), "NVIDIA",
                    driver + ", compute capability " + major + "." + minor,
                    attribute(device, CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT), memory[0]);
            devices.add(new CudaDevice(device, info, major * 10 + minor,
                    attribute(device, CU_DEVICE_ATTRIBUTE_CAN_MAP_HOST_MEMORY) != 0,
                    attribute(device, CU_DEVICE_ATTRIBUTE_CONCURRENT_KERNELS) != 0));
        }
        return List.copyOf(devices);
    }

    private static int attribute(CUdevice device, int attribute) {
        int[] value = new int[1];
        CudaException.check(cuDeviceGetAttribute(value, attribute, device), "cuDeviceGetAttribute(" + attribute + ")");
        return value[0];
    }

    private static String name(CUdevice device) {
        byte[] name = new byte[NAME_BYTES];
        CudaException.check(cuDeviceGetName(name, name.length, device), "cuDeviceGetName");
        int length = 0;
        while (length < name.length && name[length] != 0) {
            length++;
        }
        return new String(name, 0, length, StandardCharsets.UTF_8);
    }
}
