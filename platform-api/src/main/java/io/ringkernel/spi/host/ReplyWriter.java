package io.ringkernel.spi.host;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageWriter;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.spi.KernelSignals;
import java.nio.ByteBuffer;

/**
 * Writes a kernel's replies to its output ring. When the ring is full it first lets the host
 * drain it; if it is still full the reply is parked here and the kernel stops reading input until
 * {@link #flush()} succeeds, so a slow reader stalls only its own kernel, never a worker thread.
 */
public final class ReplyWriter {
    private final ManyToOneSlotRing output;
    private final Telemetry telemetry;
    private final KernelSignals signals;
    private volatile HeaderFields parkedFields;
    private ByteBuffer parkedPayload = ByteBuffer.allocate(0);

    /**
     * @param output the kernel's output ring
     * @param telemetry where written replies are counted
     * @param signals told when the host should drain the output ring
     */
    public ReplyWriter(ManyToOneSlotRing output, Telemetry telemetry, KernelSignals signals) {
        this.output = output;
        this.telemetry = telemetry;
        this.signals = signals;
    }

    /**
     * @param fields the reply's header
     * @param payload its payload (copied if it must be parked)
     */
    public void write(HeaderFields fields, ByteBuffer payload) {
        if (tryWrite(fields, payload)) {
            return;
        }
        signals.outputCommitted();
        if (tryWrite(fields, payload)) {
            return;
        }
        if (parkedPayload.capacity() < payload.remaining()) {
            parkedPayload = ByteBuffer.allocate(payload.remaining());
        }
        parkedPayload.clear();
        parkedPayload.put(payload.duplicate()).flip();
        parkedFields = fields;
    }

    /**
     * Writes a parked reply once the reader has made room, and has the runtime drain it. A
     * kernel's host thread calls it before its other work: the last reply of a burst may park
     * with no later reply to push it out.
     *
     * @return true if it wrote a reply that was parked
     */
    public boolean writeParked() {
        if (parkedFields == null || !flush()) {
            return false;
        }
        signals.outputCommitted();
        return true;
    }

    /** @return true if a reply waits for room in the output ring */
    public boolean parked() {
        return parkedFields != null;
    }

    /**
     * For a kernel that stops for good: writes a parked reply if the output ring has room now, and
     * otherwise counts it as dropped instead of letting it vanish.
     */
    public void flushOrDrop() {
        if (!flush()) {
            parkedFields = null;
            telemetry.recordDropped(ErrorCode.KERNEL_TERMINATED.wireCode());
        }
    }

    /** @return true if nothing is parked any more */
    public boolean flush() {
        if (parkedFields != null && tryWrite(parkedFields, parkedPayload)) {
            parkedFields = null;
        }
        return parkedFields == null;
    }

    private boolean tryWrite(HeaderFields fields, ByteBuffer payload) {
        if (MessageWriter.tryWrite(output, fields, payload) == ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
            return false;
        }
        telemetry.recordReply();
        return true;
    }
}
