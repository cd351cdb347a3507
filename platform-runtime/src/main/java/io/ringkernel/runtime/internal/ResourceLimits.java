package io.ringkernel.runtime.internal;

import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.ResourceLimitException;
import io.ringkernel.api.RuntimeConfig;
import java.util.Collection;

/** The runtime's limits on what a launch may take: how many kernels live at once, and how large a queue is. */
final class ResourceLimits {
    private final RuntimeConfig config;

    ResourceLimits(RuntimeConfig config) {
        this.config = config;
    }

    /**
     * @param kernelId the kernel being launched
     * @param kernels the runtime's kernels; those not yet terminated count
     * @param inputCapacity slots of its input queue
     * @param outputCapacity slots of its output queue
     * @throws ResourceLimitException naming the limit the launch would pass
     */
    void check(String kernelId, Collection<KernelInstance> kernels, int inputCapacity, int outputCapacity) {
        long alive = kernels.stream().filter(kernel -> kernel.status() != KernelStatus.TERMINATED).count();
        if (alive >= config.maxKernels()) {
            throw new ResourceLimitException(kernelId, "maxKernels", "cannot launch kernel '" + kernelId + "': "
                    + alive + " kernels are alive, the runtime's limit (maxKernels) is " + config.maxKernels());
        }
        checkQueue(kernelId, "input", inputCapacity);
        checkQueue(kernelId, "output", outputCapacity);
    }

    private void checkQueue(String kernelId, String queue, int capacity) {
        long bytes = (long) capacity * config.slotSize();
        if (bytes > config.maxQueueBytes()) {
            throw new ResourceLimitException(kernelId, "maxQueueBytes", "cannot launch kernel '" + kernelId + "': its "
                    + queue + " queue of " + capacity + " slots of " + config.slotSize() + " B takes " + bytes
                    + " B, more than the runtime's limit (maxQueueBytes) of " + config.maxQueueBytes() + " B");
        }
    }
}
