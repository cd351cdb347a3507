package io.ringkernel.runtime.internal.cpu;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.SerializationException;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.RecordHandler;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageHandler;
import io.ringkernel.spi.MessageType;
import io.ringkernel.spi.host.MessageExchange;
import io.ringkernel.spi.host.ReplyWriter;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Processes one input record on the CPU: checks the header, decodes the payload, runs the
 * kernel's Java handler and writes its reply — or an error reply that says what went wrong.
 * Whatever happens, the record gets exactly one outcome and the kernel keeps serving.
 */
final class JavaMessageProcessor implements RecordHandler {
    private MessageHandler handler;
    private Map<Integer, MessageCodec> codecs;
    private Map<Class<?>, Integer> replyTypes;
    private final ControlBlock controlBlock;
    private final Telemetry telemetry;
    private final MessageExchange exchange;
    private final MessageHeader header = new MessageHeader();
    private final CpuHandlerContext context;
    private final boolean timed;

    JavaMessageProcessor(KernelProgram program, KernelResources resources, boolean timed) {
        load(program);
        this.controlBlock = resources.controlBlock();
        this.telemetry = resources.telemetry();
        this.exchange = new MessageExchange(resources);
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
        return exchange.replies();
    }

    @Override
    public void onRecord(ByteBuffer buffer, int offset, int recordLength) {
        header.wrap(buffer, offset);
        if (!exchange.admit(header, recordLength, codecs::containsKey)) {
            return;
        }
        Object request;
        try {
            request = codecs.get(header.messageType())
                    .decode(buffer.slice(header.payloadOffset(), header.payloadLength()).asReadOnlyBuffer());
        } catch (SerializationException | IllegalArgumentException e) {
            exchange.replyError(header, ErrorCode.DESERIALIZATION_FAILED, e.getMessage());
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
            exchange.replyError(header, ErrorCode.HANDLER_FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
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
            exchange.replyError(header, ErrorCode.REPLY_FAILED, "handler returned a " + reply.getClass().getName()
                    + ", which is not one of the kernel's message types");
            return;
        }
        ByteBuffer payload;
        try {
            payload = codecs.get(typeId).encode(reply);
        } catch (SerializationException e) {
            exchange.replyError(header, ErrorCode.REPLY_FAILED, e.getMessage());
            return;
        }
        exchange.reply(header, typeId, payload);
    }
}
