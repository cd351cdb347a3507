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

    /**
     * The failure of one message of a batch ({@link KernelOperations#sendAll}): the exception's
     * message says where in the batch the message stands, then what sending it alone would say.
     *
     * @param failure what sending the message alone throws
     * @param index the message's index in the batch, from 0
     * @param batchSize messages in the batch
     */
    public SerializationException(SerializationException failure, int index, int batchSize) {
        super(failure.kernelId(), BatchPosition.of(index, batchSize) + failure.getMessage(), failure.getCause());
    }
}
