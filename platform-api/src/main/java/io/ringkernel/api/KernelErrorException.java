package io.ringkernel.api;

/** The kernel answered a message with an error reply; the kernel itself keeps serving. */
public class KernelErrorException extends RingKernelException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final long messageId;

    /**
     * @param kernelId the kernel that answered
     * @param messageId the id of the message the error answers
     * @param code why the message failed
     * @param detail the kernel's explanation
     */
    public KernelErrorException(String kernelId, long messageId, ErrorCode code, String detail) {
        super(kernelId, "kernel '" + kernelId + "' failed message " + messageId + " (" + code + "): " + detail);
        this.code = code;
        this.messageId = messageId;
    }

    /** @return why the message failed */
    public ErrorCode code() {
        return code;
    }

    /** @return the id of the failed message */
    public long messageId() {
        return messageId;
    }
}
