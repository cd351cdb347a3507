package io.ringkernel.api;

import java.time.Duration;

/** A queue stayed full for longer than the sender was willing to wait (backpressure). */
public class QueueFullException extends RingKernelException {
    private static final long serialVersionUID = 1L;

    /**
     * @param kernelId the kernel whose queue was full
     * @param queue which queue ("input", "output", "inbox")
     * @param capacitySlots the queue's capacity in slots
     * @param waited how long the sender waited for room
     */
    public QueueFullException(String kernelId, String queue, int capacitySlots, Duration waited) {
        super(kernelId, "the " + queue + " queue of kernel '" + kernelId + "' (" + capacitySlots
                + " slots) stayed full for " + waited.toMillis() + " ms");
    }
}
