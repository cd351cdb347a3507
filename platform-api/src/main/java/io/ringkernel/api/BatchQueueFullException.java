package io.ringkernel.api;

import java.time.Duration;

/**
 * A batch ({@link KernelOperations#sendAll}) met a queue that stayed full for longer than the
 * sender was willing to wait, after the batch's first {@link #queued()} messages had been queued;
 * the rest were not. The queued ones go on as any queued message does: they are processed, and
 * their replies come as usual. Their ids are consecutive from {@link #firstMessageId()}.
 */
public class BatchQueueFullException extends QueueFullException {
    private static final long serialVersionUID = 1L;

    /** How many of the batch's messages, its first ones, were queued. */
    private final int queued;
    /** Messages in the batch. */
    private final int batchSize;
    /** The id of the batch's first message. */
    private final long firstMessageId;

    /**
     * @param kernelId the kernel whose queue was full
     * @param queue which queue ("input")
     * @param capacitySlots the queue's capacity in slots
     * @param waited how long the sender waited for room
     * @param queued how many of the batch's messages, its first ones, were queued before
     * @param batchSize messages in the batch
     * @param firstMessageId the id of the batch's first message; the others have the following ids
     */
    public BatchQueueFullException(String kernelId, String queue, int capacitySlots, Duration waited, int queued,
                                   int batchSize, long firstMessageId) {
        super(kernelId, describe(kernelId, queue, capacitySlots, waited) + "; " + queued + " of " + batchSize
                + " messages of the batch were queued" + (queued == 0 ? ""
                        : " (ids " + firstMessageId + ".." + (firstMessageId + queued - 1) + ")") + ", the rest were not");
        this.queued = queued;
        this.batchSize = batchSize;
        this.firstMessageId = firstMessageId;
    }

    /** @return how many of the batch's messages, its first ones, were queued; 0 to one less than {@link #batchSize()} */
    public int queued() {
        return queued;
    }

    /** @return messages in the batch */
    public int batchSize() {
        return batchSize;
    }

    /**
     * @return the id of the batch's first message, queued or not; the queued ones have the ids
     *         from it to {@code firstMessageId() + queued() - 1}
     */
    public long firstMessageId() {
        return firstMessageId;
    }
}
