package io.ringkernel.api;

/** A backend could not compile or launch a kernel. */
public class KernelLaunchException extends RingKernelException {
    private static final long serialVersionUID = 1L;

    /**
     * @param kernelId the kernel being launched
     * @param message what failed
     * @param cause the backend's exception, or {@code null}
     */
    public KernelLaunchException(String kernelId, String message, Throwable cause) {
        super(kernelId, message, cause);
    }
}
