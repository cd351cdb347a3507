package io.ringkernel.backend.aparapi;

import com.aparapi.Range;
import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import io.ringkernel.api.DeviceInfo;

/**
 * A place Aparapi runs handlers: an OpenCL device, or its Java thread pool.
 *
 * @param device Aparapi's device
 * @param info what the runtime reports of it; its name says which of the two it is
 * @param accelerator whether it is a GPU or another accelerator
 */
record AparapiDevice(Device device, DeviceInfo info, boolean accelerator) {
    /** Work-items per work-group on an OpenCL device, or fewer if it allows fewer. */
    static final int OPENCL_WORK_GROUP = 64;

    /** @return whether handlers run as OpenCL kernels, not on the Java thread pool */
    boolean openCl() {
        return device != JavaDevice.THREAD_POOL;
    }

    /**
     * @return work-items per work-group: on the Java thread pool one thread per processor, each
     *         taking every work-group's item of its local id
     */
    int workGroup() {
        return openCl() ? Math.max(1, Math.min(OPENCL_WORK_GROUP, device.getMaxWorkGroupSize()))
                : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param messages messages in a batch
     * @return a range of whole work-groups covering them (Aparapi's own ranges on the thread pool
     *         drop the work-items past the last whole group)
     */
    Range range(int messages) {
        int local = workGroup();
        return device.createRange(roundUp(messages, local), local);
    }

    /** @param capacity the most messages in a batch @return work-items a batch of that many may need */
    int slots(int capacity) {
        return roundUp(capacity, workGroup());
    }

    private static int roundUp(int value, int multiple) {
        return Math.max(1, (value + multiple - 1) / multiple) * multiple;
    }
}
