package io.ringkernel.backend.cuda;

import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.RecordHandler;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.host.DeviceHandlerResult;
import io.ringkernel.spi.host.MessageExchange;
import java.nio.ByteBuffer;
import jcuda.Pointer;
import jcuda.driver.CUcontext;

/**
 * An {@link LaunchMode#EVENT_DRIVEN} kernel: its host thread takes messages from the input ring,
 * screens each and checks its payload on the host (so a handler only sees payloads its type's
 * layout fits), forwards them into the {@link WorkRing}, launches {@code rk_loop} over the batch
 * and waits for it, then frames the replies into the output ring, in input order. One launch per
 * batch: the mode for a device that cannot keep another loop resident.
 */
final class EventDrivenCudaKernel extends CudaKernel {
    private final boolean timed;
    private final ManyToOneSlotRing input;
    private final MappedBuffer workMemory;
    private final WorkRing work;
    private final MessageExchange.Rejection[] rejections;
    private final long[] forwardedAt;
    private final Forwarder forwarder = new Forwarder();
    private long launchedUpTo;
    /* When the batch being forwarded was read: one clock reading per batch, not per message. */
    private long forwardTime;
    private volatile boolean busyOnDevice;

    EventDrivenCudaKernel(CudaContext owner, CUcontext context, CudaCompiledKernel compiled, KernelResources resources,
                          boolean timed) {
        super(owner, compiled, resources, block -> 2L * block * WorkRing.strideFor(resources.controlBlock().maxPayload()));
        this.timed = timed;
        this.input = resources.input();
        int stride = WorkRing.strideFor(controlBlock.maxPayload());
        int capacity = Integer.highestOneBit((int) Math.max(1, Math.min(input.capacity(),
                MAX_WORK_BYTES / (2L * stride))));
        this.workMemory = MappedBuffer.allocate(context, owner::retire, WorkRing.requiredBytes(capacity, stride),
                WorkRing.SLOT_ALIGNMENT);
        this.work = new WorkRing(workMemory.hostView(), capacity, stride);
        this.rejections = new MessageExchange.Rejection[capacity];
        this.forwardedAt = new long[capacity];
        start();
    }

    @Override
    public LaunchMode mode() {
        return LaunchMode.EVENT_DRIVEN;
    }

    @Override
    boolean busyOnDevice() {
        return busyOnDevice;
    }

    @Override
    protected void settle() {
        while (lost == null && work.outstanding() > 0 && !controlBlock.terminateRequested()) {
            collectResults();
            checkDevice();
        }
    }

    @Override
    protected void finish() {
        collectResults();
        failOutstanding(ErrorCode.KERNEL_TERMINATED, MessageExchange.TERMINATED_UNANSWERED);
    }

    @Override
    protected void releaseMemory() {
        workMemory.close();
    }

    @Override
    protected boolean awaitingDevice() {
        return work.outstanding() > 0;
    }

    /**
     * Writes a reply that waited for room in the output ring, forwards what is queued, as far as
     * the work ring has room, launches the loop over it and waits, then answers every result that
     * is back.
     */
    @Override
    protected boolean step() {
        boolean unparked = exchange.replies().writeParked();
        int forwarded = 0;
        if (controlBlock.activeRequested() && work.free() > 0 && input.hasCommitted()) {
            forwardTime = timed ? System.nanoTime() : 0;
            forwarded = input.read(forwarder, work.free());
            controlBlock.inFlight(work.outstanding());
            if (work.forwardPosition() > launchedUpTo) {
                busyOnDevice = true;
                launchLoop(launchedUpTo, (int) (work.forwardPosition() - launchedUpTo));
                launchedUpTo = work.forwardPosition();
                CudaException.check(cuStreamSynchronize(stream), "the kernel loop");
            }
        }
        return collectResults() > 0 || forwarded > 0 || unparked;
    }

    private void launchLoop(long head, int count) {
        Pointer parameters = Pointer.to(
                Pointer.to(new long[] {workMemory.deviceAddress()}),
                Pointer.to(new int[] {work.capacity()}),
                Pointer.to(new int[] {work.stride()}),
                Pointer.to(new long[] {staging.address()}),
                Pointer.to(new long[] {stateAddress()}),
                Pointer.to(new long[] {head}),
                Pointer.to(new int[] {count}));
        launch(module.loop(), CudaSource.LOOP_KERNEL, parameters);
    }

    /** @return results answered */
    private int collectResults() {
        int answered = 0;
        busyOnDevice = work.outstanding() > 0;
        long now = 0;
        while (work.resultReady() && awaitOutputRoom()) {
            if (timed && now == 0) {
                now = System.nanoTime(); // read once results are there
            }
            answer(now);
            work.collect();
            answered++;
        }
        if (answered > 0) {
            controlBlock.inFlight(work.outstanding());
            busyOnDevice = work.outstanding() > 0;
        }
        return answered;
    }

    /** @param now when the results being collected were seen, if telemetry is timed */
    private void answer(long now) {
        ByteBuffer memory = work.memory();
        int slot = (int) (work.collectPosition() & (work.capacity() - 1));
        header.wrap(memory, work.oldestRequest());
        MessageExchange.Rejection rejection = rejections[slot];
        if (rejection != null) {
            rejections[slot] = null;
            exchange.reject(header, rejection);
            return;
        }
        telemetry.recordProcessed(timed ? now - forwardedAt[slot] : 0);
        int result = work.oldestResult();
        new DeviceHandlerResult(memory.getInt(result + WorkRing.RESULT_CODE_OFFSET),
                memory.getInt(result + WorkRing.RESULT_TYPE_OFFSET), memory, result + WorkRing.RESULT_PAYLOAD_OFFSET,
                work.stride() - WorkRing.RESULT_PAYLOAD_OFFSET)
                .deliver(exchange, header, codecs, handlerName);
    }

    /** {@link MessageExchange#abandon Abandons} every message forwarded and not yet answered. */
    @Override
    protected void failOutstanding(ErrorCode code, String detail) {
        while (work.outstanding() > 0) {
            header.wrap(work.memory(), work.oldestRequest());
            rejections[(int) (work.collectPosition() & (work.capacity() - 1))] = null;
            exchange.abandon(header, code, detail);
            work.collect();
        }
        signals.outputCommitted();
    }

    /** Screens each queued record and forwards it, or a placeholder for its error reply. */
    private final class Forwarder implements RecordHandler {
        @Override
        public void onRecord(ByteBuffer buffer, int offset, int recordLength) {
            header.wrap(buffer, offset);
            MessageExchange.Rejection rejection = WaitingRecordScreen.screen(exchange, header, recordLength, codecs,
                    work.stride(), controlBlock.maxPayload());
            int slot = (int) (work.forwardPosition() & (work.capacity() - 1));
            rejections[slot] = rejection;
            forwardedAt[slot] = forwardTime;
            if (rejection == null) {
                work.forward(buffer, offset, HEADER_LENGTH + header.payloadLength());
            } else {
                work.forwardSkip(buffer, offset);
            }
        }
    }
}
