package io.ringkernel.api;

/** A message whose encoded size exceeds the kernel's maximum message size. */
public class MessageTooLargeException extends RingKernelException {
    private static final long serialVersionUID = 1L;

    /**
     * @param kernelId the kernel it was sent to
     * @param messageType the Java type of the message
     * @param size its size in bytes, header included
     * @param max the kernel's maximum message size, header included
     */
    public MessageTooLargeException(String kernelId, String messageType, long size, long max) {
        super(kernelId, "message of type " + messageType + " for kernel '" + kernelId + "' is " + size
                + " bytes with its header; the kernel's maximum message size is " + max + " bytes");
    }

    /**
     * The failure of one message of a batch ({@link KernelOperations#sendAll}): the exception's
     * message says where in the batch the message stands, then what sending it alone would say.
     *
     * @param failure what sending the message alone throws
     * @param index the message's index in the batch, from 0
     * @param batchSize messages in the batch
     */
    public MessageTooLargeException(MessageTooLargeException failure, int index, int batchSize) {
        super(failure.kernelId(), BatchPosition.of(index, batchSize) + failure.getMessage());
    }
}
