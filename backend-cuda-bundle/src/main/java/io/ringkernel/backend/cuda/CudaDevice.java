package io.ringkernel.backend.cuda;

import io.ringkernel.api.DeviceInfo;
import jcuda.driver.CUdevice;

/**
 * One CUDA device and what the backend needs to know of it.
 *
 * @param handle the driver's handle
 * @param info name, driver, SM count and memory, as the API reports them
 * @param computeCapability e.g. 90 for Hopper
 * @param canMapHostMemory whether kernels can read mapped host memory
 * @param concurrentKernels whether kernels of several streams can run at once
 */
record CudaDevice(CUdevice handle, DeviceInfo info, int computeCapability, boolean canMapHostMemory,
                  boolean concurrentKernels) {

    /**
     * Persistent kernels each hold one block resident for good; to leave the device room for
     * event-driven launches, at most one per SM.
     *
     * @return how many persistent kernels may run at once
     */
    int persistentSlots() {
        return canMapHostMemory && concurrentKernels ? info.computeUnits() : 0;
    }
}
