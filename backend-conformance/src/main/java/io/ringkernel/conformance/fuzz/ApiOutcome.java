package io.ringkernel.conformance.fuzz;

/** What becomes of a message sent through the public API: its one outcome. */
enum ApiOutcome {
    /** The kernel echoed it and the sender got the echo. */
    ECHOED(true),
    /** The kernel's handler failed on it: a {@code KernelErrorException} with {@code HANDLER_FAILED}. */
    HANDLER_FAILED(true),
    /** The kernel echoed it, but not as the type the sender asked for: a {@code SerializationException}. */
    WRONG_REPLY_TYPE(true),
    /** The call's timeout ran out first: a {@code KernelTimeoutException}; its reply counts as late. */
    TIMED_OUT(true),
    /** Refused by the sender: its encoding exceeds the kernel's maximum message size. */
    TOO_LARGE(false),
    /** Refused by the sender: its class is one of the kernel's, but it cannot be encoded (a null array). */
    NOT_ENCODABLE(false),
    /** Refused by the sender: null, or of a class the kernel has no message type for. */
    NOT_A_MESSAGE_TYPE(false);

    private final boolean sent;

    ApiOutcome(boolean sent) {
        this.sent = sent;
    }

    /** @return true if the message reached the kernel's input queue */
    boolean sent() {
        return sent;
    }
}
