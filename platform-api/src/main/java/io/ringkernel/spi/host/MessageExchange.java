package io.ringkernel.spi.host;

import static io.ringkernel.protocol.MessageHeaderDescriptor.ERROR_TYPE;
import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAG_CALL;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.SerializationException;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ErrorPayload;
import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.KernelSignals;
import io.ringkernel.spi.MessageCodec;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * The host side of one kernel's message handling that every backend shares: it admits a request
 * only if its header is sound, its deadline has not passed and the kernel knows its type —
 * answering it with an error reply otherwise — and it frames replies with the kernel's clock and
 * message ids. Not thread-safe: one kernel, one thread at a time.
 */
public final class MessageExchange {
    /** The detail of the error a terminating kernel answers the requests it took and did not process with. */
    public static final String TERMINATED_UNANSWERED = "the kernel terminated before it answered the message";
    private static final long FULL_OUTPUT_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private final int kernelNumber;
    private final ControlBlock controlBlock;
    private final Telemetry telemetry;
    private final HybridLogicalClock clock;
    private final ReplyWriter replies;
    private final KernelSignals signals;
    private long nextMessageId = 1;

    /** @param resources the kernel's control block, telemetry, output ring and callbacks */
    public MessageExchange(KernelResources resources) {
        this.kernelNumber = resources.kernelNumber();
        this.controlBlock = resources.controlBlock();
        this.telemetry = resources.telemetry();
        this.clock = HybridLogicalClock.system(kernelNumber);
        this.replies = new ReplyWriter(resources.output(), telemetry, resources.signals());
        this.signals = resources.signals();
    }

    /** @return the writer the replies go through, to flush a parked one */
    public ReplyWriter replies() {
        return replies;
    }

    /**
     * Replies go out in input order, so a reply parked for want of room in the output ring must
     * be written before the next: waits, nudging the runtime to drain the ring, until it is.
     *
     * @param giveUp checked while waiting: true when the kernel is stopping and the remaining
     *        replies are abandoned
     * @return true once the parked reply is written; false if it gave up, the parked reply then
     *         counted as dropped (the caller {@link #abandon abandons} the rest)
     */
    public boolean awaitReplyRoom(BooleanSupplier giveUp) {
        while (!replies.flush()) {
            if (giveUp.getAsBoolean()) {
                replies.flushOrDrop();
                return false;
            }
            signals.outputCommitted();
            LockSupport.parkNanos(this, FULL_OUTPUT_PARK_NANOS);
        }
        return true;
    }

    /**
     * Checks a request read from the input ring, moving the kernel's clock past its timestamp.
     * A malformed request, or one whose timestamp leads the kernel's clock by more than
     * {@link HybridLogicalClock#MAX_LEAD_MILLIS}, is counted as dropped here.
     *
     * @param request the request's header, wrapped over its record
     * @param recordLength the record's length in the ring
     * @param knownType whether the kernel has a handler for a wire message type
     * @return null if a handler should process it, or why not, to answer with {@link #reject}
     */
    public Rejection screen(MessageHeader request, int recordLength, IntPredicate knownType) {
        String problem = request.problem(recordLength);
        if (problem != null) {
            telemetry.recordDropped(ErrorCode.MALFORMED_MESSAGE.wireCode());
            return new Rejection(ErrorCode.MALFORMED_MESSAGE, "malformed message rejected: " + problem);
        }
        long physicalNow = clock.physicalNow(); // one reading of the physical clock per message
        long lead = clock.leadMillis(request.timestamp(), physicalNow);
        if (lead > HybridLogicalClock.MAX_LEAD_MILLIS) {
            telemetry.recordDropped(ErrorCode.MALFORMED_MESSAGE.wireCode());
            return new Rejection(ErrorCode.MALFORMED_MESSAGE, "malformed message rejected: its timestamp "
                    + (lead == Long.MAX_VALUE ? "is out of the clock's range" : "leads the kernel's clock by " + lead + " ms")
                    + "; at most " + HybridLogicalClock.MAX_LEAD_MILLIS + " ms is accepted");
        }
        long now = clock.update(request.timestamp(), physicalNow);
        controlBlock.clock(now);
        long deadline = request.deadline();
        if (deadline != 0 && deadline < now) {
            return new Rejection(ErrorCode.DEADLINE_EXPIRED, "deadline passed before processing");
        }
        if (!knownType.test(request.messageType())) {
            return unknownType(request.messageType());
        }
        return null;
    }

    /**
     * @param messageType a wire message type the kernel has no handler for
     * @return the rejection of a request of that type
     */
    public static Rejection unknownType(int messageType) {
        return new Rejection(ErrorCode.UNKNOWN_MESSAGE_TYPE, "no handler for message type " + messageType);
    }

    /**
     * Moves the kernel's clock past a timestamp its device saw, for a backend whose device takes
     * requests without {@link #screen screening} them on the host.
     *
     * @param timestamp the latest request timestamp the device saw, 0 for none
     */
    public void observe(long timestamp) {
        if (timestamp != 0) {
            controlBlock.clock(clock.update(timestamp, clock.physicalNow()));
        }
    }

    /**
     * {@link #screen Screens} a request and {@link MessageCodec#check checks} its payload on the
     * host, for a backend whose device handler reads payloads raw: the handler then only ever sees
     * a payload its type's layout fits.
     *
     * @param request the request's header, wrapped over its record
     * @param recordLength the record's length in the ring
     * @param codecs the kernel's codec per wire message type
     * @return null if the device handler should process it, or why not, to answer with {@link #reject}
     */
    public Rejection screenAndCheck(MessageHeader request, int recordLength, Map<Integer, MessageCodec> codecs) {
        Rejection rejection = screen(request, recordLength, codecs::containsKey);
        if (rejection != null) {
            return rejection;
        }
        try {
            codecs.get(request.messageType()).check(request.buffer(), request.payloadOffset(), request.payloadLength());
            return null;
        } catch (SerializationException | IllegalArgumentException e) {
            return new Rejection(ErrorCode.DESERIALIZATION_FAILED, e.getMessage());
        }
    }

    /**
     * {@link #screen Screens} a request and answers it at once if it is rejected.
     *
     * @param request the request's header, wrapped over its record
     * @param recordLength the record's length in the ring
     * @param knownType whether the kernel has a handler for a wire message type
     * @return true if a handler should process it; false if it has been answered with an error
     */
    public boolean admit(MessageHeader request, int recordLength, IntPredicate knownType) {
        Rejection rejection = screen(request, recordLength, knownType);
        if (rejection != null) {
            reject(request, rejection);
        }
        return rejection == null;
    }

    /**
     * @param request the header of a request that {@link #screen} rejected
     * @param rejection why
     */
    public void reject(MessageHeader request, Rejection rejection) {
        replyError(request, rejection.code(), rejection.detail());
    }

    /**
     * Writes a handler's reply, or a {@link ErrorCode#REPLY_FAILED} error if it exceeds the
     * kernel's maximum payload.
     *
     * @param request the header of the request it answers
     * @param messageType the reply's wire type
     * @param payload the reply's payload
     */
    public void reply(MessageHeader request, int messageType, ByteBuffer payload) {
        if (payload.remaining() > controlBlock.maxPayload()) {
            replyError(request, ErrorCode.REPLY_FAILED, "reply of " + payload.remaining()
                    + " bytes exceeds the kernel's maximum payload of " + controlBlock.maxPayload());
            return;
        }
        replies.write(replyFields(request, messageType, payload.remaining()), payload);
    }

    /**
     * For a kernel that stops with a request it took and will not answer: answers it with an
     * error, or, where the output ring has no room for one, counts it as dropped; none is lost
     * unseen.
     *
     * @param request the header of the request
     * @param code why it is not answered
     * @param detail what happened, for the sender
     */
    public void abandon(MessageHeader request, ErrorCode code, String detail) {
        if (replies.flush()) {
            replyError(request, code, detail);
        } else {
            telemetry.recordDropped(code.wireCode());
        }
    }

    /**
     * Answers a request with an error reply and counts the error. Absolute file paths in the
     * detail are replaced by {@code <path>}: the reply leaves the host.
     *
     * @param request the header of the request
     * @param code why it failed
     * @param detail what went wrong, for the sender
     */
    public void replyError(MessageHeader request, ErrorCode code, String detail) {
        telemetry.recordError(code.wireCode());
        controlBlock.lastError(code.wireCode());
        ByteBuffer payload = new ErrorPayload(code, ErrorDetails.withoutPaths(detail)).encode();
        replies.write(replyFields(request, ERROR_TYPE, payload.remaining()), payload);
    }

    private HeaderFields replyFields(MessageHeader request, int messageType, int payloadLength) {
        long correlation = request.correlationId() != 0 ? request.correlationId() : request.messageId();
        return new HeaderFields(nextMessageId++, correlation, clock.tick(), 0, kernelNumber, request.sourceKernel(),
                messageType, payloadLength, (short) (request.flags() & FLAG_CALL), request.priority());
    }

    /**
     * Why a request is answered with an error instead of reaching its handler.
     *
     * @param code the error code of the reply
     * @param detail the explanation
     */
    public record Rejection(ErrorCode code, String detail) {
    }
}
