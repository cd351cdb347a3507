package io.ringkernel.api;

/**
 * The root of every exception the runtime throws. Each subclass names what was wrong and, where
 * one is involved, which kernel.
 */
public class RingKernelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String kernelId;

    /**
     * @param kernelId the kernel involved, or {@code null}
     * @param message what was wrong
     * @param cause the underlying cause, or {@code null}
     */
    public RingKernelException(String kernelId, String message, Throwable cause) {
        super(message, cause);
        this.kernelId = kernelId;
    }

    /**
     * @param kernelId the kernel involved, or {@code null}
     * @param message what was wrong
     */
    public RingKernelException(String kernelId, String message) {
        this(kernelId, message, null);
    }

    /** @return the kernel involved, or {@code null} when none is */
    public String kernelId() {
        return kernelId;
    }
}
