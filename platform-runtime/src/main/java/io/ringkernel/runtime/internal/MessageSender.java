package io.ringkernel.runtime.internal;

import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAG_CALL;
import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;

import io.ringkernel.api.MessageTooLargeException;
import io.ringkernel.api.QueueFullException;
import io.ringkernel.api.SerializationException;
import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageWriter;
import io.ringkernel.spi.MessageType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The host side of a kernel's input ring: encodes a message with its type's codec, frames it and
 * writes it, waiting with a bounded backoff while the ring is full. Many threads may send at once.
 * Senders are counted in and out, so termination can wait until no sender still writes.
 */
final class MessageSender {
    private final String kernelId;
    private final int kernelNumber;
    private final ManyToOneSlotRing input;
    private final MessageCatalog catalog;
    private final int maxMessageSize;
    private final Duration sendTimeout;
    private final HybridLogicalClock hostClock;
    private final LatencyTracker latency;
    private final AtomicLong nextMessageId = new AtomicLong(1);
    private final AtomicInteger activeSenders = new AtomicInteger();
    private final LongAdder messagesIn = new LongAdder();

    MessageSender(String kernelId, int kernelNumber, ManyToOneSlotRing input, MessageCatalog catalog,
                  int maxMessageSize, Duration sendTimeout, HybridLogicalClock hostClock, LatencyTracker latency) {
        this.kernelId = kernelId;
        this.kernelNumber = kernelNumber;
        this.input = input;
        this.catalog = catalog;
        this.maxMessageSize = maxMessageSize;
        this.sendTimeout = sendTimeout;
        this.hostClock = hostClock;
        this.latency = latency;
    }

    long nextMessageId() {
        return nextMessageId.getAndIncrement();
    }

    long messagesIn() {
        return messagesIn.sum();
    }

    int activeSenders() {
        return activeSenders.get();
    }

    /**
     * @param message the payload object
     * @param messageId its id, from {@link #nextMessageId()}
     * @param call true if a call waits for the reply
     * @param timeout how long to wait for room
     * @param accepting run before and while waiting: throws if the kernel stopped taking messages
     */
    void send(Object message, long messageId, boolean call, Duration timeout, Runnable accepting) {
        activeSenders.incrementAndGet();
        try {
            accepting.run();
            MessageCatalog.Generation generation = generationOf(message);
            MessageType<?> type = generation.typeOf(message.getClass());
            ByteBuffer payload = encode(generation, type, message);
            int length = payload.remaining();
            if (length + HEADER_LENGTH > maxMessageSize) {
                throw new MessageTooLargeException(kernelId, type.javaType().getName(), length + HEADER_LENGTH, maxMessageSize);
            }
            HeaderFields fields = new HeaderFields(messageId, call ? messageId : 0, hostClock.tick(), 0, 0, kernelNumber,
                    type.typeId(), length, call ? FLAG_CALL : 0, (byte) 0);
            write(fields, payload, timeout, accepting);
            messagesIn.increment();
        } finally {
            activeSenders.decrementAndGet();
        }
    }

    /** @return the default send timeout */
    Duration sendTimeout() {
        return sendTimeout;
    }

    private void write(HeaderFields fields, ByteBuffer payload, Duration timeout, Runnable accepting) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Backoff backoff = null;
        while (true) {
            latency.sent(fields.messageId(), System.nanoTime());
            if (MessageWriter.tryWrite(input, fields, payload) != ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new QueueFullException(kernelId, "input", input.capacity(), timeout);
            }
            accepting.run();
            if (backoff == null) {
                backoff = new Backoff();
            }
            backoff.idle();
        }
    }

    private ByteBuffer encode(MessageCatalog.Generation generation, MessageType<?> type, Object message) {
        try {
            return generation.codec(type.typeId()).encode(message);
        } catch (SerializationException e) {
            throw new SerializationException(kernelId, "kernel '" + kernelId + "' could not encode a "
                    + type.javaType().getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param message a message to send
     * @return the generation of the kernel's message types that knows the message's class
     * @throws SerializationException if the message is null or no generation knows its class
     */
    MessageCatalog.Generation generationOf(Object message) {
        if (message == null) {
            throw new SerializationException(kernelId, "cannot send null to kernel '" + kernelId + "'", null);
        }
        Class<?> type = message.getClass();
        MessageCatalog.Generation generation = catalog.forClass(type);
        if (generation == null) {
            List<String> accepted = catalog.current().classNames();
            String hint = accepted.contains(type.getName()) ? " (this " + type.getSimpleName() + " comes from a bundle "
                    + "revision older than the kernel's last " + MessageCatalog.GENERATIONS
                    + " code generations: refresh the sender's bundle)" : "";
            throw new SerializationException(kernelId, "kernel '" + kernelId + "' has no message type for "
                    + type.getName() + hint + "; it accepts " + accepted, null);
        }
        return generation;
    }
}
