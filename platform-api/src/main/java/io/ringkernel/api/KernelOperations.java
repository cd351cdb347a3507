package io.ringkernel.api;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What can be done to one launched kernel. {@link KernelHandle} offers these for a kernel it is
 * bound to; {@link RingKernelRuntime} offers the same by kernel id.
 */
public interface KernelOperations {

    /** Starts (or resumes) processing. @throws IllegalKernelStateException if not LAUNCHED or DEACTIVATED */
    void activate();

    /** Parks the kernel; messages keep queueing. @throws IllegalKernelStateException if not ACTIVE */
    void deactivate();

    /**
     * Stops the kernel and releases its resources. Messages still queued are answered with a
     * {@link ErrorCode#KERNEL_TERMINATED} error. Terminating a terminated kernel does nothing.
     */
    void terminate();

    /**
     * Queues a message; its reply, if the handler gives one, is collected with {@link #receive}.
     * Waits up to the runtime's send timeout when the input queue is full.
     *
     * @param message the payload; its class must be one of the kernel's message types
     * @return the id given to the message
     * @throws QueueFullException if the queue stayed full for the whole send timeout
     * @throws MessageTooLargeException if the encoded message exceeds the kernel's maximum
     * @throws SerializationException if the message type is unknown to the kernel or fails to encode
     * @throws IllegalKernelStateException if the kernel is terminating, terminated or failed
     */
    long send(Object message);

    /**
     * Queues many messages at once, in list order, as {@link #send} would one by one but for a
     * fraction of the cost per message: the queue is claimed for a run of consecutive messages at
     * a time (at most a quarter of its slots, or one message that takes more) and the kernel is
     * woken once per run, so that it processes one run while the next is written. Every message is
     * first checked and encoded; if one cannot be sent, nothing of the batch is queued. While the
     * input queue is full the call waits, up to the runtime's send timeout each time before the
     * queue has room for the next run. The messages get consecutive ids in list order; their
     * replies, if the handler gives them, are collected with {@link #receive}. Should the kernel
     * stop taking messages while the batch waits for room, the call throws what {@link #send}
     * would, and the messages queued before then stay queued, as if sent one by one.
     *
     * @param messages the payloads, at least one; each of one of the kernel's message types
     * @return the id given to the first message; the message at index {@code i} has this id plus {@code i}
     * @throws IllegalArgumentException if {@code messages} is null or empty
     * @throws SerializationException if a message is null, of a type unknown to the kernel or fails
     *         to encode: its message starts with the message's index in the batch, e.g.
     *         "message at index 3 of a batch of 10: ", and nothing of the batch was queued; or, as
     *         {@link #send} throws it, when the kernel waits for a serializer it needs
     * @throws MessageTooLargeException if a message's encoding exceeds the kernel's maximum: its
     *         message names the index in the same way, and nothing of the batch was queued
     * @throws BatchQueueFullException (a {@link QueueFullException}) if the queue stayed full for a
     *         whole send timeout: it says how many of the batch, its first ones, were queued, and their ids
     * @throws IllegalKernelStateException if the kernel is terminating, terminated or failed
     */
    long sendAll(List<?> messages);

    /**
     * Queues many messages of one type whose payloads the caller has encoded already, as
     * {@link #sendAll} queues a batch but with no object to build or encode per message: the
     * throughput path for a producer that writes, say, fixed-layout records into a buffer it
     * reuses. Each payload is first checked as the type's codec checks a payload it decodes (a
     * fixed layout's length, booleans and arrays); if one fails, nothing is queued. The messages
     * get consecutive ids in buffer order; replies are collected with {@link #receive}.
     *
     * @param type the messages' class, one of the kernel's message types
     * @param payloads {@code count} payloads of equal length back to back, between position and
     *                 limit (not consumed; the buffer may be reused once the call returns)
     * @param count how many payloads the buffer holds, at least one
     * @return the id given to the first message; the message at index {@code i} has this id plus {@code i}
     * @throws IllegalArgumentException if {@code payloads} is null, {@code count} is less than one,
     *         or the bytes are no whole number of {@code count} payloads
     * @throws SerializationException if {@code type} is null or not one of the kernel's message
     *         types, or a payload fails its codec's check: its message names the payload's index
     *         as {@link #sendAll} does; nothing was queued
     * @throws MessageTooLargeException if a payload with its header exceeds the kernel's maximum;
     *         nothing was queued
     * @throws BatchQueueFullException if the queue stayed full for a whole send timeout, as {@link #sendAll}
     * @throws IllegalKernelStateException if the kernel is terminating, terminated or failed
     */
    long sendEncoded(Class<?> type, ByteBuffer payloads, int count);

    /**
     * Queues a message without blocking the caller; a full queue is retried until the send timeout.
     *
     * @param message the payload
     * @return the message id, or the exception {@link #send} would have thrown
     */
    CompletableFuture<Long> sendAsync(Object message);

    /**
     * Takes the next message the kernel wrote that no {@code call} is waiting for.
     *
     * @param timeout how long to wait
     * @return the message
     * @throws KernelTimeoutException if none arrived in time
     * @throws KernelErrorException if the next message is an error reply
     */
    ReceivedMessage receive(Duration timeout);

    /**
     * @return the next waiting message, or empty when none waits
     * @throws KernelErrorException if the next message is an error reply
     */
    Optional<ReceivedMessage> tryReceive();

    /**
     * @param timeout how long to wait
     * @return the next message, or a future failed as {@link #receive} would throw
     */
    CompletableFuture<ReceivedMessage> receiveAsync(Duration timeout);

    /**
     * Sends a request and waits for the reply with the same correlation id. Many threads may call
     * one kernel at once; each gets its own reply.
     *
     * @param request the request payload
     * @param replyType the expected reply type
     * @param timeout how long to wait for the reply
     * @param <R> the reply type
     * @return the reply
     * @throws KernelTimeoutException if no reply came in time
     * @throws KernelErrorException if the kernel answered with an error
     */
    <R> R call(Object request, Class<R> replyType, Duration timeout);

    /**
     * @param request the request payload
     * @param timeout how long to wait for the reply
     * @return the reply payload, or a future failed as {@link #call} would throw
     */
    CompletableFuture<Object> callAsync(Object request, Duration timeout);

    /** @return the kernel's current state */
    KernelStatus status();

    /** @return a snapshot of the kernel's counters, depths and latency */
    KernelMetrics metrics();
}
