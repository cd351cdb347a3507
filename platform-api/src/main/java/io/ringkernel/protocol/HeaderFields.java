package io.ringkernel.protocol;

/**
 * The values a producer puts in a message header (everything but the commit word and checksum).
 *
 * @param messageId message id
 * @param correlationId correlation id, 0 for none
 * @param timestamp packed hybrid logical clock of the sender
 * @param deadline packed deadline, 0 for none
 * @param sourceKernel source kernel number, 0 for the host
 * @param destinationKernel destination kernel number, 0 for the host
 * @param messageType message type id
 * @param payloadLength payload bytes
 * @param flags {@code FLAG_*} bits
 * @param priority priority, 0 lowest
 */
public record HeaderFields(long messageId, long correlationId, long timestamp, long deadline, int sourceKernel,
                           int destinationKernel, int messageType, int payloadLength, short flags, byte priority) {
}
