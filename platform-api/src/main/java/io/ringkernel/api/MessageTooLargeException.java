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
}
