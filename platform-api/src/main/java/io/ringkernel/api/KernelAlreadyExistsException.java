package io.ringkernel.api;

/** A kernel was launched under an id that a live kernel already uses. */
public class KernelAlreadyExistsException extends RingKernelException {
    private static final long serialVersionUID = 1L;

    /**
     * @param kernelId the id in use
     * @param status the state of the kernel that holds it
     */
    public KernelAlreadyExistsException(String kernelId, KernelStatus status) {
        super(kernelId, "kernel '" + kernelId + "' already exists and is " + status
                + "; terminate it first or pick another id");
    }
}
