package io.ringkernel.api;

/**
 * A message a kernel wrote to its output queue, as {@code receive} hands it out.
 *
 * @param messageId the id the kernel gave the message
 * @param correlationId the id of the request it answers (the request's message id when the
 *                      request carried no correlation id)
 * @param messageType the wire type id of the payload
 * @param timestamp the kernel's hybrid logical clock when it wrote the message
 * @param payload the decoded payload
 */
public record ReceivedMessage(long messageId, long correlationId, int messageType, HlcTimestamp timestamp,
                              Object payload) {

    /**
     * @param type the expected payload type
     * @param <T> the payload type
     * @return the payload cast to {@code type}
     * @throws SerializationException if the payload is of another type
     */
    public <T> T payload(Class<T> type) {
        if (!type.isInstance(payload)) {
            throw new SerializationException(null, "message " + messageId + " carries a "
                    + (payload == null ? "null" : payload.getClass().getName()) + ", not a " + type.getName(), null);
        }
        return type.cast(payload);
    }
}
