package io.ringkernel.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kernel's Java handler: called once per message, one message at a time per kernel, in the
 * order the messages were queued.
 */
@ConsumerType
@FunctionalInterface
public interface MessageHandler {

    /**
     * @param message the decoded message
     * @param context where the message came from
     * @return the reply (an instance of one of the kernel's message types), or {@code null} for none
     * @throws Exception any failure; the sender gets an error reply and the kernel keeps serving
     */
    Object handle(Object message, HandlerContext context) throws Exception;
}
