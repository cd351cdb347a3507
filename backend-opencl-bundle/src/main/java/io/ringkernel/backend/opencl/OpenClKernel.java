package io.ringkernel.backend.opencl;

import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_TYPE_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_TYPE;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.RecordHandler;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.spi.BackendKernel;
import io.ringkernel.spi.CompiledKernel;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.host.DeviceHandlerResult;
import io.ringkernel.spi.host.HostLoop;
import io.ringkernel.spi.host.MessageExchange;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A kernel on an OpenCL device, event-driven: a host thread takes what is queued in the input
 * ring (up to a batch), screens each message and checks its payload on the host (so a handler
 * never sees a payload its type's layout does not fit), stages the batch and has its
 * {@link BatchDevice} run the batch kernel once over it (from a worker process, or from this
 * one), then writes the replies to the output ring in input order. Two batches alternate, so the
 * next batch is staged and launched while the replies of the previous one are written. A message
 * waits at most for the batch ahead of it: there is no timer, a batch is launched as soon as the
 * kernel's thread finds input.
 */
final class OpenClKernel implements BackendKernel, HostLoop.Work {
    /** Most messages in one batch. */
    static final int MAX_BATCH = 1024;
    /** Most staging bytes per batch and direction. */
    static final int MAX_STAGING_BYTES = 4 << 20;

    private final String kernelId;
    private final ControlBlock controlBlock;
    private final Telemetry telemetry;
    private final ManyToOneSlotRing input;
    private final MessageExchange exchange;
    private final BatchDevice device;
    private final MessageHeader header = new MessageHeader();
    private final Collector collector = new Collector();
    private final HostLoop loop;
    private final boolean timed;
    private final String handlerName;
    private Map<Integer, MessageCodec> codecs;
    private Batch pending;
    private int nextBatch;

    OpenClKernel(BatchDevice device, OpenClCompiledKernel compiled, KernelResources resources, boolean timed,
                 Consumer<Throwable> onFault) {
        this.kernelId = resources.kernelId();
        this.handlerName = "the OpenCL handler of kernel '" + kernelId + "'";
        this.device = device;
        this.controlBlock = resources.controlBlock();
        this.telemetry = resources.telemetry();
        this.input = resources.input();
        this.exchange = new MessageExchange(resources);
        this.timed = timed;
        load(compiled);
        this.loop = new HostLoop("ringkernel-opencl-" + kernelId, resources, this, onFault);
    }

    /** @param maxPayload the kernel's largest payload @return the bytes of a batch slot: a message, 8-aligned */
    static int stride(int maxPayload) {
        return align(HEADER_LENGTH + maxPayload, 8);
    }

    /**
     * @param inputCapacity the slots of the kernel's input ring
     * @param stride the bytes of a batch slot
     * @return how many messages a batch takes
     */
    static int batchCapacity(int inputCapacity, int stride) {
        return Math.max(1, Math.min(Math.min(MAX_BATCH, inputCapacity), MAX_STAGING_BYTES / stride));
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) & -alignment;
    }

    /** Takes a program's batch kernel and codecs, with fresh zeroed device state if it keeps any. */
    private void load(OpenClCompiledKernel compiled) {
        device.load(compiled);
        codecs = compiled.program().codecs();
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
    public void swap(CompiledKernel compiled) {
        loop.exclusively(() -> {
            finish();
            load((OpenClCompiledKernel) compiled);
        });
    }

    @Override
    public void wake() {
        loop.wake();
    }

    @Override
    public boolean terminate(Duration timeout) {
        if (!loop.stop(timeout)) {
            device.kill();
            return false;
        }
        exchange.replies().flushOrDrop();
        device.close();
        controlBlock.markTerminated();
        return true;
    }

    /**
     * Writes a reply that waited for room in the output ring, stages and launches the next batch
     * if there is input, then writes the replies of the batch launched before it.
     *
     * @return true if there is more to do right away
     */
    @Override
    public boolean step() {
        boolean unparked = exchange.replies().writeParked();
        Batch launched = null;
        if (controlBlock.activeRequested() && input.hasCommitted()) {
            Batch next = device.batch(nextBatch);
            collector.into(next);
            if (input.read(collector, next.capacity()) > 0) {
                nextBatch = (nextBatch + 1) % BatchDevice.BATCHES;
                device.launch(next);
                controlBlock.inFlight(next.count());
                launched = next;
            }
        }
        finish();
        pending = launched;
        return unparked || launched != null || (controlBlock.activeRequested() && input.hasCommitted());
    }

    /** Waits for the batch in flight, if any, and writes its replies in input order. */
    @Override
    public void finish() {
        Batch batch = pending;
        if (batch == null) {
            return;
        }
        pending = null;
        long nanos = device.await(batch);
        int processed = 0;
        for (int slot = 0; slot < batch.count(); slot++) {
            if (batch.rejection(slot) == null) {
                processed++;
            }
        }
        long perMessage = timed && processed > 0 ? nanos / processed : 0;
        int slot = 0;
        for (; slot < batch.count() && awaitOutputRoom(); slot++) {
            answer(batch, slot, perMessage);
        }
        for (; slot < batch.count(); slot++) {
            exchange.abandon(header.wrap(batch.requests(), slot * batch.stride()), ErrorCode.KERNEL_TERMINATED,
                    MessageExchange.TERMINATED_UNANSWERED);
        }
        controlBlock.inFlight(0);
        batch.clear();
    }

    private void answer(Batch batch, int slot, long perMessage) {
        int at = slot * batch.stride();
        header.wrap(batch.requests(), at);
        MessageExchange.Rejection rejection = batch.rejection(slot);
        if (rejection != null) {
            exchange.reject(header, rejection);
            return;
        }
        telemetry.recordProcessed(perMessage);
        ByteBuffer replies = batch.replies();
        new DeviceHandlerResult(replies.getInt(at + OpenClSource.RESULT_OFFSET),
                replies.getInt(at + OpenClSource.REPLY_TYPE_OFFSET), replies, at + OpenClSource.REPLY_PAYLOAD_OFFSET,
                batch.stride() - OpenClSource.REPLY_PAYLOAD_OFFSET)
                .deliver(exchange, header, codecs, handlerName);
    }

    /** @return false if the kernel is stopping and the rest of the replies are abandoned */
    private boolean awaitOutputRoom() {
        return exchange.awaitReplyRoom(controlBlock::terminateRequested);
    }

    /** Copies records from the input ring into a batch, screening and decoding each. */
    private final class Collector implements RecordHandler {
        private Batch batch;

        void into(Batch target) {
            batch = target;
        }

        @Override
        public void onRecord(ByteBuffer buffer, int offset, int recordLength) {
            header.wrap(buffer, offset);
            MessageExchange.Rejection rejection = exchange.screenAndCheck(header, recordLength, codecs);
            int at = batch.add(buffer, offset, recordLength, rejection);
            if (rejection != null) {
                batch.requests().putInt(at + MESSAGE_TYPE_OFFSET, PADDING_TYPE);
            }
        }
    }
}
