package io.ringkernel.api;

import java.time.Duration;
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
