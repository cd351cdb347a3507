package io.ringkernel.spi.host;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.protocol.MessageHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a device handler returned for one message, as the device backends report it: a reply
 * length, {@link #NO_REPLY}, or {@link #FAILED} with a NUL-terminated explanation where the reply
 * would go. {@link #deliver} turns it into the reply or error the sender receives.
 *
 * @param result the handler's return value
 * @param replyType the reply's wire type, when {@code result} is a length
 * @param replyArea the buffer holding the reply payload (or the explanation)
 * @param replyOffset where the reply payload starts in {@code replyArea}
 * @param replyCapacity bytes the handler could write there
 */
public record DeviceHandlerResult(int result, int replyType, ByteBuffer replyArea, int replyOffset, int replyCapacity) {
    /** Result: the handler wrote no reply. */
    public static final int NO_REPLY = -1;
    /** Result: the handler failed; its explanation is in the reply area. */
    public static final int FAILED = -2;

    /**
     * Answers the request: the reply, {@link ErrorCode#HANDLER_FAILED} with the handler's
     * explanation or for a result that is no valid length, or {@link ErrorCode#REPLY_FAILED} for a
     * reply type the kernel does not declare.
     *
     * @param exchange the kernel's exchange
     * @param request the header of the request it answers
     * @param declaredTypes the kernel's message types by wire id (its codecs)
     * @param handlerName names the handler in errors, e.g. "the CUDA handler of kernel 'echo'"
     */
    public void deliver(MessageExchange exchange, MessageHeader request, Map<Integer, ?> declaredTypes,
                        String handlerName) {
        if (result == NO_REPLY) {
            return;
        }
        if (result == FAILED) {
            exchange.replyError(request, ErrorCode.HANDLER_FAILED, explanation());
        } else if (result < 0 || result > replyCapacity) {
            exchange.replyError(request, ErrorCode.HANDLER_FAILED, handlerName + " returned " + result
                    + ", neither a reply length up to " + replyCapacity + " nor RK_NO_REPLY nor RK_FAILED");
        } else if (!declaredTypes.containsKey(replyType)) {
            exchange.replyError(request, ErrorCode.REPLY_FAILED, handlerName + " replied with message type "
                    + replyType + ", which the kernel does not declare");
        } else {
            exchange.reply(request, replyType, replyArea.slice(replyOffset, result));
        }
    }

    private String explanation() {
        int length = 0;
        while (length < replyCapacity && replyArea.get(replyOffset + length) != 0) {
            length++;
        }
        byte[] bytes = new byte[length];
        replyArea.get(replyOffset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
