package io.ringkernel.runtime.internal.cpu;

import static io.ringkernel.protocol.MessageHeaderDescriptor.ERROR_TYPE;
import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAG_CALL;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.SerializationException;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ErrorPayload;
import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.RecordHandler;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageHandler;
import io.ringkernel.spi.MessageType;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Processes one input record on the CPU: checks the header, decodes the payload, runs the
 * kernel's Java handler and writes its reply — or an error reply that says what went wrong.
 * Whatever happens, the record gets exactly one outcome and the kernel keeps serving.
 */
final class JavaMessageProcessor implements RecordHandler {
    private final int kernelNumber;
    private MessageHandler handler;
    private Map<Integer, MessageCodec> codecs;
    private Map<Class<?>, Integer> replyTypes;
    private final ControlBlock controlBlock;
    private final Telemetry telemetry;
    private final HybridLogicalClock clock;
    private final ReplyWriter replies;
    private final MessageHeader header = new MessageHeader();
    private final CpuHandlerContext context;
    private final boolean timed;
    private long nextMessageId = 1;

    JavaMessageProcessor(KernelProgram program, KernelResources resources, boolean timed) {
        this.kernelNumber = resources.kernelNumber();
        load(program);
        this.controlBlock = resources.controlBlock();
        this.telemetry = resources.telemetry();
        this.clock = HybridLogicalClock.system(kernelNumber);
        this.replies = new ReplyWriter(resources.output(), telemetry, resources.signals());
        this.context = new CpuHandlerContext(resources.kernelId());
        this.timed = timed;
    }

    /**
     * Runs another program from the next message on, keeping the kernel's clock, message ids and
     * any reply still waiting for room. Called on the kernel's own thread, or while it is parked.
     *
     * @param program the new handler and codecs
     */
    void load(KernelProgram program) {
        Map<Class<?>, Integer> types = new HashMap<>();
        for (MessageType<?> type : program.definition().messageTypes()) {
            types.put(type.javaType(), type.typeId());
        }
        this.handler = program.definition().javaHandler();
        this.codecs = program.codecs();
        this.replyTypes = types;
    }

    ReplyWriter replies() {
        return replies;
    }

    @Override
    public void onRecord(ByteBuffer buffer, int offset, int recordLength) {
        header.wrap(buffer, offset);
        String problem = header.problem(recordLength);
        if (problem != null) {
            telemetry.recordDropped(ErrorCode.MALFORMED_MESSAGE.wireCode());
            replyError(ErrorCode.MALFORMED_MESSAGE, "malformed message rejected: " + problem);
            return;
        }
        long now = clock.update(header.timestamp());
        controlBlock.clock(now);
        long deadline = header.deadline();
        if (deadline != 0 && deadline < now) {
            replyError(ErrorCode.DEADLINE_EXPIRED, "deadline passed before processing");
            return;
        }
        MessageCodec codec = codecs.get(header.messageType());
        if (codec == null) {
            replyError(ErrorCode.UNKNOWN_MESSAGE_TYPE, "no handler for message type " + header.messageType());
            return;
        }
        Object request;
        try {
            request = codec.decode(buffer.slice(header.payloadOffset(), header.payloadLength()).asReadOnlyBuffer());
        } catch (SerializationException | IllegalArgumentException e) {
            replyError(ErrorCode.DESERIALIZATION_FAILED, e.getMessage());
            return;
        }
        process(request);
    }

    private void process(Object request) {
        long start = timed ? System.nanoTime() : 0;
        controlBlock.inFlight(1);
        Object reply;
        try {
            reply = handler.handle(request, context.wrap(header));
        } catch (Exception | LinkageError | AssertionError e) {
            controlBlock.inFlight(0);
            replyError(ErrorCode.HANDLER_FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        controlBlock.inFlight(0);
        telemetry.recordProcessed(timed ? System.nanoTime() - start : 0);
        if (reply != null) {
            writeReply(reply);
        }
    }

    private void writeReply(Object reply) {
        Integer typeId = replyTypes.get(reply.getClass());
        if (typeId == null) {
            replyError(ErrorCode.REPLY_FAILED, "handler returned a " + reply.getClass().getName()
                    + ", which is not one of the kernel's message types");
            return;
        }
        ByteBuffer payload;
        try {
            payload = codecs.get(typeId).encode(reply);
        } catch (SerializationException e) {
            replyError(ErrorCode.REPLY_FAILED, e.getMessage());
            return;
        }
        if (payload.remaining() > controlBlock.maxPayload()) {
            replyError(ErrorCode.REPLY_FAILED, "reply of " + payload.remaining() + " bytes exceeds the kernel's maximum payload of "
                    + controlBlock.maxPayload());
            return;
        }
        replies.write(replyFields(typeId, payload.remaining()), payload);
    }

    private void replyError(ErrorCode code, String detail) {
        telemetry.recordError(code.wireCode());
        controlBlock.lastError(code.wireCode());
        ByteBuffer payload = new ErrorPayload(code, detail).encode();
        replies.write(replyFields(ERROR_TYPE, payload.remaining()), payload);
    }

    private HeaderFields replyFields(int messageType, int payloadLength) {
        long correlation = header.correlationId() != 0 ? header.correlationId() : header.messageId();
        return new HeaderFields(nextMessageId++, correlation, clock.tick(), 0, kernelNumber, header.sourceKernel(),
                messageType, payloadLength, (short) (header.flags() & FLAG_CALL), header.priority());
    }
}
