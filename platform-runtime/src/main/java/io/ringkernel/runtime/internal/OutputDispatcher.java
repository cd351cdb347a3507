package io.ringkernel.runtime.internal;

import static io.ringkernel.protocol.MessageHeaderDescriptor.ERROR_TYPE;
import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAG_CALL;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.ReceivedMessage;
import io.ringkernel.api.RingKernelException;
import io.ringkernel.api.SerializationException;
import io.ringkernel.protocol.ErrorPayload;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.RecordHandler;
import io.ringkernel.spi.MessageCodec;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The host side of a kernel's output ring: takes each record, completes the call waiting for it
 * or queues it in the bounded inbox for {@code receive} — after the ring has moved past it, so a
 * caller that wakes up sees the queue depth without its reply. One thread drains at a time; any thread
 * may ask for a drain. When the inbox is full, records stay in the ring (backpressure on the
 * kernel) until {@code receive} makes room.
 */
final class OutputDispatcher implements RecordHandler {
    private final String kernelId;
    private final ManyToOneSlotRing output;
    private final MessageCatalog catalog;
    private final PendingCalls pending;
    private final LatencyTracker latency;
    private final HybridLogicalClock hostClock;
    private final BlockingQueue<InboxEntry> inbox;
    private final Runnable afterDrain;
    private final AtomicBoolean draining = new AtomicBoolean();
    /* The thread draining now, if any. */
    private volatile Thread drainer;
    private final MessageHeader header = new MessageHeader();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder lateReplies = new LongAdder();
    /* The record just read, handed on by deliver() once the ring has released its slots. */
    private boolean readCall;
    private long readCorrelationId;
    private Object readPayload;
    private ReceivedMessage readMessage;
    private RingKernelException readError;

    OutputDispatcher(String kernelId, ManyToOneSlotRing output, MessageCatalog catalog, PendingCalls pending,
                     LatencyTracker latency, HybridLogicalClock hostClock, Runnable afterDrain) {
        this.kernelId = kernelId;
        this.output = output;
        this.catalog = catalog;
        this.pending = pending;
        this.latency = latency;
        this.hostClock = hostClock;
        this.inbox = new ArrayBlockingQueue<>(output.capacity());
        this.afterDrain = afterDrain;
    }

    BlockingQueue<InboxEntry> inbox() {
        return inbox;
    }

    long messagesOut() {
        return messagesOut.sum();
    }

    long lateReplies() {
        return lateReplies.sum();
    }

    /** Moves every record it can from the output ring to waiting calls and the inbox. */
    void drain() {
        do {
            if (!draining.compareAndSet(false, true)) {
                return;
            }
            drainHeld();
        } while (inbox.remainingCapacity() > 0 && output.hasCommitted());
    }

    /**
     * Drains as {@link #drain} does, but first waits for a drain in progress on another thread to
     * end, so that once it returns every record committed before the call has been handed on (as
     * far as the inbox has room): a kernel that stops fails its waiting calls only after that.
     * Called from within a drain (a reply's callback), it drains nothing more.
     */
    void drainAll() {
        if (drainer == Thread.currentThread()) {
            return;
        }
        while (!draining.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
        drainHeld();
        drain();
    }

    /** Drains with the drain flag held, then releases it. */
    private void drainHeld() {
        drainer = Thread.currentThread();
        try {
            while (inbox.remainingCapacity() > 0 && output.read(this, 1) == 1) {
                deliver();
            }
        } finally {
            drainer = null;
            draining.set(false);
        }
        afterDrain.run();
    }

    @Override
    public void onRecord(ByteBuffer buffer, int offset, int recordLength) {
        header.wrap(buffer, offset);
        messagesOut.increment();
        long correlationId = header.correlationId();
        latency.replied(correlationId, System.nanoTime());
        String problem = header.problem(recordLength);
        Object payload = null;
        RingKernelException error = null;
        if (problem != null) {
            error = new KernelErrorException(kernelId, correlationId, ErrorCode.MALFORMED_MESSAGE,
                    "the kernel wrote a malformed reply: " + problem);
        } else {
            hostClock.update(header.timestamp());
            try {
                payload = decode(buffer);
            } catch (RingKernelException e) {
                error = e;
            }
        }
        readCall = header.hasFlag(FLAG_CALL);
        readCorrelationId = correlationId;
        readPayload = payload;
        readError = error;
        readMessage = readCall || error != null ? null : new ReceivedMessage(header.messageId(), correlationId,
                header.messageType(), HybridLogicalClock.unpack(header.timestamp(), header.sourceKernel()), payload);
    }

    private void deliver() {
        if (readCall) {
            complete(readCorrelationId, readPayload, readError);
        } else {
            inbox.add(new InboxEntry(readMessage, readError));
        }
        readPayload = null;
        readMessage = null;
        readError = null;
    }

    private Object decode(ByteBuffer buffer) {
        int type = header.messageType();
        if (type == ERROR_TYPE) {
            ErrorPayload failure = ErrorPayload.decode(buffer, header.payloadOffset(), header.payloadLength());
            throw new KernelErrorException(kernelId, header.correlationId(), failure.code(), failure.detail());
        }
        MessageCatalog.Generation generation = header.hasFlag(FLAG_CALL) ? pending.generationOf(header.correlationId())
                : null;
        MessageCodec codec = (generation != null ? generation : catalog.current()).codec(type);
        if (codec == null) {
            throw new SerializationException(kernelId, "kernel '" + kernelId + "' wrote message type " + type
                    + ", which its definition does not declare", null);
        }
        return codec.decode(buffer.slice(header.payloadOffset(), header.payloadLength()).asReadOnlyBuffer());
    }

    /**
     * Hands a reply to its call, or counts it as late: when no call waits, and when the call's
     * timeout completed it between its timing out and its leaving the waiting calls.
     */
    private void complete(long correlationId, Object payload, RingKernelException error) {
        CompletableFuture<Object> call = pending.remove(correlationId);
        boolean delivered = call != null && (error != null ? call.completeExceptionally(error) : call.complete(payload));
        if (!delivered) {
            lateReplies.increment();
        }
    }
}
