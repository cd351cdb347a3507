package io.ringkernel.api;

import java.time.Duration;

/**
 * A queue stayed full for longer than the sender was willing to wait (backpressure). For a batch
 * ({@link KernelOperations#sendAll}) it is a {@link BatchQueueFullException}, which also says how
 * much of the batch was queued.
 */
public class QueueFullException extends RingKernelException {
    private static final long serialVersionUID = 1L;

    /**
     * @param kernelId the kernel whose queue was full
     * @param queue which queue ("input", "output", "inbox")
     * @param capacitySlots the queue's capacity in slots
     * @param waited how long the sender waited for room
     */
    public QueueFullException(String kernelId, String queue, int capacitySlots, Duration waited) {
        this(kernelId, describe(kernelId, queue, capacitySlots, waited));
    }

    /** For subclasses that say more: {@code message} starts with {@link #describe}'s. */
    QueueFullException(String kernelId, String message) {
        super(kernelId, message);
    }

    /** @return the message of a {@link QueueFullException} with these arguments */
    static String describe(String kernelId, String queue, int capacitySlots, Duration waited) {
        return "the " + queue + " queue of kernel '" + kernelId + "' (" + capacitySlots + " slots) stayed full for "
                + waited.toMillis() + " ms";
    }
}
