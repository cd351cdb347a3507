package io.ringkernel.api;

/** A message could not be encoded to, or decoded from, its wire form. */
public class SerializationException extends RingKernelException {
    private static final long serialVersionUID = 1L;

    /**
     * @param kernelId the kernel involved, or {@code null}
     * @param message what could not be serialized and why
     * @param cause the serializer's exception, or {@code null}
     */
    public SerializationException(String kernelId, String message, Throwable cause) {
        super(kernelId, message, cause);
    }
}
