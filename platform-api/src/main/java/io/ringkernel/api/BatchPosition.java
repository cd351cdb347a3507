package io.ringkernel.api;

/** How the exceptions of {@link KernelOperations#sendAll} name the message of a batch they are about. */
final class BatchPosition {
    private BatchPosition() {
    }

    /**
     * @param index the message's index in the batch, from 0
     * @param batchSize messages in the batch
     * @return the prefix of the exception's message, e.g. "message at index 3 of a batch of 10: "
     */
    static String of(int index, int batchSize) {
        return "message at index " + index + " of a batch of " + batchSize + ": ";
    }
}
