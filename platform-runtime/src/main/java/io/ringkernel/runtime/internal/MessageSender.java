package io.ringkernel.runtime.internal;

import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAG_CALL;
import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;

import io.ringkernel.api.BatchQueueFullException;
import io.ringkernel.api.MessageTooLargeException;
import io.ringkernel.api.QueueFullException;
import io.ringkernel.api.SerializationException;
import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageWriter;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The host side of a kernel's input ring: encodes a message with its type's codec, frames it and
 * writes it, waiting with a bounded backoff while the ring is full. A batch is encoded whole
 * first, then written in runs of consecutive records, one claim of the ring each. Many threads
 * may send at once. Senders are counted in and out, so termination can wait until no sender
 * still writes.
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
            HeaderFields fields = new HeaderFields(messageId, call ? messageId : 0, hostClock.tick(), 0, 0, kernelNumber,
                    type.typeId(), payload.remaining(), call ? FLAG_CALL : 0, (byte) 0);
            write(fields, payload, timeout, accepting);
            messagesIn.increment();
        } finally {
            activeSenders.decrementAndGet();
        }
    }

    /**
     * Sends a batch: checks and encodes every message first, so that a message that cannot be sent
     * fails the batch before anything is queued; then gives the batch consecutive ids and writes
     * it in runs of at most {@link #maxRunSlots()} slots (or one message that takes more), one
     * claim of the ring per run.
     *
     * @param messages the payload objects, at least one
     * @param timeout how long the ring may stay full before a run has room
     * @param accepting run before and while waiting: throws if the kernel stopped taking messages
     * @param afterRun run after each run is committed: wakes the kernel, which then takes the run
     *                 while the next one is written
     * @return the first message's id; the others have the following ids, in list order
     * @throws IllegalArgumentException if {@code messages} is null or empty
     * @throws SerializationException if a message cannot be encoded, naming its index; nothing is queued
     * @throws MessageTooLargeException if a message is too large, naming its index; nothing is queued
     * @throws BatchQueueFullException if the ring stayed full for the timeout,
     *         saying how much of the batch was queued
     */
    long sendAll(List<?> messages, Duration timeout, Runnable accepting, Runnable afterRun) {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a batch for kernel '" + kernelId + "' needs at least one message, got "
                    + (messages == null ? "null" : "an empty list"));
        }
        activeSenders.incrementAndGet();
        try {
            accepting.run();
            EncodedBatch batch = encodeAll(messages.toArray());
            long firstId = nextMessageId.getAndAdd(batch.size());
            for (EncodedBatch.Run run : batch.runs()) {
                writeRun(batch, run, firstId, timeout, accepting);
                messagesIn.add(run.count());
                afterRun.run();
            }
            return firstId;
        } finally {
            activeSenders.decrementAndGet();
        }
    }

    /**
     * Queues messages of one type that the caller encoded, {@code count} payloads of equal length
     * back to back, as {@link #sendAll} queues a batch: each payload is first checked by its
     * type's codec, and if one fails, nothing is queued.
     *
     * @param type the messages' class
     * @param payloads the payloads between position and limit (not consumed)
     * @param count how many payloads they are
     * @param timeout how long to wait for room before each run
     * @param accepting run before and while waiting: throws if the kernel stopped taking messages
     * @param afterRun run after each run is written
     * @return the first message's id; the others have the following ids, in order
     * @throws IllegalArgumentException if there is no buffer, no message, or the bytes are no whole number of payloads
     * @throws SerializationException if the type is not the kernel's, or a payload fails its codec's check, naming its index
     * @throws MessageTooLargeException if the payloads exceed the kernel's maximum message size
     * @throws BatchQueueFullException if the ring stayed full for the timeout
     */
    long sendEncoded(Class<?> type, ByteBuffer payloads, int count, Duration timeout, Runnable accepting,
                     Runnable afterRun) {
        if (payloads == null || count < 1 || payloads.remaining() % count != 0) {
            throw new IllegalArgumentException("encoded messages for kernel '" + kernelId + "' need at least one "
                    + "message and payloads of equal length: got " + (payloads == null ? "no buffer" : payloads.remaining()
                    + " bytes") + " for " + count + " message(s)");
        }
        activeSenders.incrementAndGet();
        try {
            accepting.run();
            MessageCatalog.Generation generation = generationOf(type);
            int typeId = generation.typeOf(type).typeId();
            int length = payloads.remaining() / count;
            checkEncoded(type, generation.codec(typeId), payloads, length, count);
            long firstId = nextMessageId.getAndAdd(count);
            int perRun = Math.max(1, maxRunSlots() / input.slotsFor(length));
            for (int from = 0; from < count; from += perRun) {
                int to = Math.min(count, from + perRun);
                EncodedBatch.Run run = new EncodedBatch.Run(from, to,
                        payloads.slice(payloads.position() + from * length, (to - from) * length));
                writeUniformRun(run, typeId, length, count, firstId, timeout, accepting);
                messagesIn.add(run.count());
                afterRun.run();
            }
            return firstId;
        } finally {
            activeSenders.decrementAndGet();
        }
    }

    private void checkEncoded(Class<?> type, MessageCodec codec, ByteBuffer payloads, int length, int count) {
        if (HEADER_LENGTH + length > maxMessageSize) {
            throw new MessageTooLargeException(kernelId, type.getName(), HEADER_LENGTH + length, maxMessageSize);
        }
        for (int i = 0; i < count; i++) {
            try {
                codec.check(payloads, payloads.position() + i * length, length);
            } catch (SerializationException | IllegalArgumentException e) {
                throw new SerializationException(new SerializationException(kernelId, "kernel '" + kernelId
                        + "' cannot take an encoded " + type.getName() + ": " + e.getMessage(), e), i, count);
            }
        }
    }

    /**
     * A run takes at most a quarter of the ring: with its worst-case padding it then takes at most
     * half, so the kernel can take one run while the sender writes the next, and a run never
     * waits for the whole ring to drain.
     *
     * @return the most slots a run of a batch takes, unless one message takes more
     */
    private int maxRunSlots() {
        return Math.max(1, input.capacity() / 4);
    }

    /** @return the default send timeout */
    Duration sendTimeout() {
        return sendTimeout;
    }

    private void write(HeaderFields fields, ByteBuffer payload, Duration timeout, Runnable accepting) {
        RoomWait wait = null;
        while (true) {
            latency.sent(fields.messageId(), System.nanoTime());
            if (MessageWriter.tryWrite(input, fields, payload, true) != ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
                return;
            }
            wait = wait != null ? wait : new RoomWait(timeout, accepting);
            if (!wait.again()) {
                throw new QueueFullException(kernelId, "input", input.capacity(), timeout);
            }
        }
    }

    /** Writes a run of a batch, each message with header values of its own. */
    private void writeRun(EncodedBatch batch, EncodedBatch.Run run, long firstId, Duration timeout, Runnable accepting) {
        List<HeaderFields> fields = new ArrayList<>(run.count());
        long firstTick = hostClock.tick(hostClock.physicalNow(), run.count()); // one clock update per run
        for (int i = run.from(); i < run.to(); i++) {
            fields.add(new HeaderFields(firstId + i, 0, firstTick + i - run.from(), 0, 0, kernelNumber,
                    batch.typeId(i), batch.length(i), (short) 0, (byte) 0));
        }
        writeRetrying(run, batch.size(), firstId, timeout, accepting,
                () -> MessageWriter.tryWriteRun(input, fields, run.payloads(), true));
    }

    /** Writes a run of messages of one type and length from one set of header values: nothing per message. */
    private void writeUniformRun(EncodedBatch.Run run, int typeId, int length, int batchSize, long firstId,
                                 Duration timeout, Runnable accepting) {
        HeaderFields first = new HeaderFields(firstId + run.from(), 0,
                hostClock.tick(hostClock.physicalNow(), run.count()), 0, 0, kernelNumber, typeId, length, (short) 0,
                (byte) 0);
        writeRetrying(run, batchSize, firstId, timeout, accepting,
                () -> MessageWriter.tryWriteRun(input, first, run.count(), run.payloads(), true));
    }

    /** Tries a run's write until it finds room, or throws once the ring stayed full for the timeout. */
    private void writeRetrying(EncodedBatch.Run run, int batchSize, long firstId, Duration timeout, Runnable accepting,
                               LongSupplier write) {
        RoomWait wait = null;
        while (true) {
            latency.sent(firstId + run.from(), System.nanoTime()); // a run is timed by its first message
            if (write.getAsLong() != ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
                return;
            }
            wait = wait != null ? wait : new RoomWait(timeout, accepting);
            if (!wait.again()) {
                throw new BatchQueueFullException(kernelId, "input", input.capacity(), timeout, run.from(), batchSize,
                        firstId);
            }
        }
    }

    /** Encodes every message of a batch, or throws what sending the first that fails would, naming its index. */
    private EncodedBatch encodeAll(Object[] messages) {
        EncodedBatch batch = new EncodedBatch(messages.length, input, maxRunSlots());
        for (int i = 0; i < messages.length; i++) {
            try {
                MessageCatalog.Generation generation = generationOf(messages[i]);
                MessageType<?> type = generation.typeOf(messages[i].getClass());
                batch.add(type.typeId(), encode(generation, type, messages[i]));
            } catch (SerializationException e) {
                throw new SerializationException(e, i, messages.length);
            } catch (MessageTooLargeException e) {
                throw new MessageTooLargeException(e, i, messages.length);
            }
        }
        return batch;
    }

    /**
     * @return the message's encoding, in the codec's buffer of the calling thread
     * @throws SerializationException if the codec cannot encode it
     * @throws MessageTooLargeException if it exceeds the kernel's maximum message size
     */
    private ByteBuffer encode(MessageCatalog.Generation generation, MessageType<?> type, Object message) {
        ByteBuffer payload;
        try {
            payload = generation.codec(type.typeId()).encode(message);
        } catch (SerializationException e) {
            throw new SerializationException(kernelId, "kernel '" + kernelId + "' could not encode a "
                    + type.javaType().getName() + ": " + e.getMessage(), e);
        }
        int size = payload.remaining() + HEADER_LENGTH;
        if (size > maxMessageSize) {
            throw new MessageTooLargeException(kernelId, type.javaType().getName(), size, maxMessageSize);
        }
        return payload;
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
        return generationOf(message.getClass());
    }

    /**
     * @param type a message class
     * @return the generation of the kernel's message types that knows the class
     * @throws SerializationException if the class is null or no generation knows it
     */
    private MessageCatalog.Generation generationOf(Class<?> type) {
        if (type == null) {
            throw new SerializationException(kernelId, "no message type given for kernel '" + kernelId + "'", null);
        }
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
