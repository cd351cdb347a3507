package io.ringkernel.backend.cuda;

import jcuda.driver.CUdeviceptr;

/** A device pointer whose address can be passed to a kernel as a plain 64-bit parameter. */
final class DevicePointer extends CUdeviceptr {

    /** @return the address the device uses */
    long address() {
        return getNativePointer();
    }
}
