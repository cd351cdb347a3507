package io.ringkernel.backend.aparapi;

import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;

import com.aparapi.exception.CompileFailedException;
import io.ringkernel.aparapi.MessageBatchKernel;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelLaunchException;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.RecordHandler;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.spi.BackendKernel;
import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.host.HostLoop;
import io.ringkernel.spi.host.MessageExchange;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;

/**
 * A kernel whose Java handler runs through Aparapi, event-driven: a host thread takes what is
 * queued in the input ring (up to a batch), screens each message and unpacks its payload into
 * the handler's request columns, runs the handler once over the batch, then packs each reply from
 * the reply columns and writes it to the output ring in input order. A batch is run as soon as
 * the thread finds input, with no timer, so a message waits at most for the batch ahead of it;
 * while a batch runs, the next one queues up.
 */
final class AparapiKernel implements BackendKernel, HostLoop.Work {
    /** Most messages in one batch. */
    static final int MAX_BATCH = 1024;
    /** Most bytes of array-component element columns a batch may take. */
    static final long MAX_ELEMENT_BYTES = 4 << 20;

    private final String kernelId;
    private final String handlerName;
    private final AparapiDevice device;
    private final ControlBlock controlBlock;
    private final Telemetry telemetry;
    private final ManyToOneSlotRing input;
    private final MessageExchange exchange;
    private final boolean timed;
    private final ByteBuffer headers;
    private final MessageExchange.Rejection[] rejections;
    private final ByteBuffer replyPayload;
    private final MessageHeader header = new MessageHeader();
    private final Collector collector = new Collector();
    private final HostLoop loop;
    private AparapiCompiledKernel compiled;
    private MessageBatchKernel handler;
    private BatchColumns columns;
    private int capacity;
    private int count;

    AparapiKernel(AparapiDevice device, AparapiCompiledKernel compiled, KernelResources resources, boolean timed) {
        this.kernelId = resources.kernelId();
        this.handlerName = "the Aparapi handler of kernel '" + kernelId + "'";
        this.device = device;
        this.controlBlock = resources.controlBlock();
        this.telemetry = resources.telemetry();
        this.input = resources.input();
        this.exchange = new MessageExchange(resources);
        this.timed = timed;
        int most = Math.min(MAX_BATCH, input.capacity());
        this.headers = ByteBuffer.allocate(most * HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        this.rejections = new MessageExchange.Rejection[most];
        this.replyPayload = ByteBuffer.allocate(controlBlock.maxPayload()).order(ByteOrder.LITTLE_ENDIAN);
        load(compiled);
        this.loop = new HostLoop("ringkernel-aparapi-" + kernelId, resources, this);
    }

    /**
     * Takes a handler: a fresh instance with its columns, compiled for the device. The handler it
     * replaces is disposed of once the new one is ready.
     */
    private void load(AparapiCompiledKernel next) {
        int maxPayload = controlBlock.maxPayload();
        long elementBytes = BatchColumns.elementBytesPerMessage(next.columns(), maxPayload);
        int batch = (int) Math.max(1, Math.min(rejections.length, MAX_ELEMENT_BYTES / Math.max(1, elementBytes)));
        MessageBatchKernel fresh = next.handler().newInstance();
        BatchColumns freshColumns = new BatchColumns(next.columns(), fresh, device.slots(batch), maxPayload);
        DeviceClaims.claim(fresh, device, kernelId);
        try {
            if (device.openCl()) {
                fresh.compile(device.device());
            }
            runEmpty(fresh, freshColumns);
        } catch (CompileFailedException e) {
            DeviceClaims.release(fresh);
            throw new KernelLaunchException(kernelId, "Aparapi cannot compile " + next.handler().type().getName()
                    + " for " + device.info().name() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            DeviceClaims.release(fresh);
            throw e;
        }
        if (handler != null) {
            dispose(handler);
        }
        compiled = next;
        handler = fresh;
        columns = freshColumns;
        capacity = batch;
    }

    private static void dispose(MessageBatchKernel retired) {
        retired.dispose();
        DeviceClaims.release(retired);
    }

    /**
     * Runs a handler once over no message, so its first batch does not pay for setting up the
     * run. On OpenCL this also keeps {@link MessageBatchKernel#dispose()} safe: Aparapi 3.0.2
     * crashes the JVM disposing of a kernel that was compiled but never run.
     */
    private void runEmpty(MessageBatchKernel fresh, BatchColumns freshColumns) {
        fresh.beginBatch(0);
        freshColumns.clearReplies(0);
        fresh.execute(device.range(0));
    }

    @Override
    public LaunchMode mode() {
        return LaunchMode.EVENT_DRIVEN;
    }

    @Override
    public void activate() {
        loop.activate();
    }

    @Override
    public void deactivate() {
        loop.deactivate();
    }

    @Override
    public void swap(CompiledKernel next) {
        loop.exclusively(() -> load((AparapiCompiledKernel) next));
    }

    @Override
    public void wake() {
        loop.wake();
    }

    @Override
    public boolean terminate(Duration timeout) {
        if (!loop.stop(timeout)) {
            return false;
        }
        exchange.replies().flushOrDrop();
        dispose(handler);
        controlBlock.markTerminated();
        return true;
    }

    /**
     * Writes a reply that waited for room in the output ring, then runs the handler over the next
     * batch, if there is input, and writes its replies.
     *
     * @return true if there is more to do right away
     */
    @Override
    public boolean step() {
        boolean unparked = exchange.replies().writeParked();
        if (!controlBlock.activeRequested() || !input.hasCommitted()) {
            return unparked;
        }
        count = 0;
        input.read(collector, capacity);
        controlBlock.inFlight(count);
        handler.beginBatch(count);
        columns.clearReplies(count);
        long start = System.nanoTime();
        RuntimeException thrown = null;
        try {
            handler.execute(device.range(count));
        } catch (RuntimeException e) {
            thrown = e;
        }
        long nanos = System.nanoTime() - start;
        if (device.openCl() != handler.isRunningCL()) {
            throw new IllegalStateException("Aparapi ran " + handlerName + " on "
                    + handler.getTargetDevice().getShortDescription() + " instead of " + device.info().name());
        }
        long admitted = Arrays.stream(rejections, 0, count).filter(r -> r == null).count();
        long perMessage = timed && admitted > 0 ? nanos / admitted : 0;
        int slot = 0;
        for (; slot < count && exchange.awaitReplyRoom(controlBlock::terminateRequested); slot++) {
            answer(slot, thrown, perMessage);
        }
        for (; slot < count; slot++) {
            exchange.abandon(header.wrap(headers, slot * HEADER_LENGTH), ErrorCode.KERNEL_TERMINATED,
                    MessageExchange.TERMINATED_UNANSWERED);
        }
        Arrays.fill(rejections, 0, count, null);
        controlBlock.inFlight(0);
        return controlBlock.activeRequested() && input.hasCommitted();
    }

    private void answer(int slot, RuntimeException thrown, long perMessage) {
        header.wrap(headers, slot * HEADER_LENGTH);
        if (rejections[slot] != null) {
            exchange.reject(header, rejections[slot]);
            return;
        }
        if (thrown != null) {
            exchange.replyError(header, ErrorCode.HANDLER_FAILED, handlerName + " threw " + thrown
                    + " while handling the batch this message was in");
            return;
        }
        telemetry.recordProcessed(perMessage);
        new BatchReply(slot, handler.replyTypes()[slot]).deliver();
    }

    /** The outcome the handler wrote for one message, turned into its reply or error. */
    private final class BatchReply {
        private final int slot;
        private final int replyType;

        BatchReply(int slot, int replyType) {
            this.slot = slot;
            this.replyType = replyType;
        }

        void deliver() {
            if (replyType == MessageBatchKernel.NO_REPLY) {
                return;
            }
            if (replyType == MessageBatchKernel.FAILED) {
                exchange.replyError(header, ErrorCode.HANDLER_FAILED, failureText());
            } else if (replyType < 0) {
                exchange.replyError(header, ErrorCode.HANDLER_FAILED, handlerName + " set replyType to " + replyType
                        + ", neither a message type nor NO_REPLY nor FAILED");
            } else if (!compiled.program().codecs().containsKey(replyType)) {
                exchange.replyError(header, ErrorCode.REPLY_FAILED, handlerName + " replied with message type "
                        + replyType + ", which the kernel does not declare");
            } else if (!compiled.columns().layouts().containsKey(replyType)) {
                exchange.replyError(header, ErrorCode.REPLY_FAILED, handlerName + " replied with message type "
                        + replyType + ", which is not fixed-layout: an Aparapi handler's replies are");
            } else {
                pack();
            }
        }

        private void pack() {
            int length;
            try {
                length = columns.pack(slot, replyType, replyPayload);
            } catch (IllegalArgumentException e) {
                exchange.replyError(header, ErrorCode.HANDLER_FAILED, handlerName + ": " + e.getMessage());
                return;
            }
            exchange.reply(header, replyType, replyPayload.slice(0, length));
        }

        private String failureText() {
            int messageType = header.messageType();
            int code = handler.failureCodes()[slot];
            try {
                return handler.describeFailure(messageType, code);
            } catch (RuntimeException e) {
                return handlerName + " failed message type " + messageType + " with code " + code
                        + " (describeFailure threw " + e + ")";
            }
        }
    }

    /** Copies each record's header aside, screens it and unpacks its payload into the request columns. */
    private final class Collector implements RecordHandler {

        @Override
        public void onRecord(ByteBuffer buffer, int offset, int recordLength) {
            int slot = count++;
            header.wrap(buffer, offset);
            MessageExchange.Rejection rejection = exchange.screenAndCheck(header, recordLength,
                    compiled.program().codecs());
            headers.put(slot * HEADER_LENGTH, buffer, offset, HEADER_LENGTH);
            rejections[slot] = rejection;
            int type = rejection == null ? header.messageType() : 0;
            handler.messageTypes()[slot] = type;
            if (rejection == null) {
                columns.unpack(slot, type, buffer, header.payloadOffset());
            }
        }
    }
}
