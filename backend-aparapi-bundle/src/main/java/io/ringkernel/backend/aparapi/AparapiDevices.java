package io.ringkernel.backend.aparapi;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import com.aparapi.device.OpenCLDevice;
import io.ringkernel.api.DeviceInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds where Aparapi can run handlers here: every OpenCL device, GPUs first, then the Java thread pool. */
final class AparapiDevices {
    /** Name of the Java thread pool device, as metrics and the shell show it. */
    static final String THREAD_POOL_NAME = "Java thread pool (Aparapi)";

    private AparapiDevices() {
    }

    /**
     * What one look at the machine found.
     *
     * @param devices the OpenCL devices, accelerators first, then the Java thread pool, numbered in that order
     * @param openClProblem why there is no OpenCL device, or the empty string
     */
    record Found(List<AparapiDevice> devices, String openClProblem) {
    }

    /** @return the devices; the Java thread pool is always the last */
    static Found discover() {
        List<OpenCLDevice> openCl = new ArrayList<>();
        String problem = "";
        try {
            openCl.addAll(OpenCLDevice.listDevices(null));
            if (openCl.isEmpty()) {
                problem = "Aparapi found no OpenCL platform";
            }
        } catch (LinkageError | RuntimeException e) {
            problem = "Aparapi cannot use OpenCL here: " + e;
        }
        openCl.sort(Comparator.comparing(device -> !accelerator(device)));
        List<AparapiDevice> devices = new ArrayList<>();
        for (OpenCLDevice device : openCl) {
            devices.add(new AparapiDevice(device, new DeviceInfo(devices.size(), device.getName() + " (Aparapi, OpenCL)",
                    device.getOpenCLPlatform().getVendor(), device.getOpenCLPlatform().getVersion(),
                    device.getMaxComputeUnits(), device.getGlobalMemSize()), accelerator(device)));
        }
        devices.add(new AparapiDevice(JavaDevice.THREAD_POOL, new DeviceInfo(devices.size(), THREAD_POOL_NAME,
                System.getProperty("java.vendor"), "Java " + Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()), false));
        return new Found(List.copyOf(devices), problem);
    }

    private static boolean accelerator(OpenCLDevice device) {
        return device.getType() == Device.TYPE.GPU || device.getType() == Device.TYPE.ACC;
    }
}
