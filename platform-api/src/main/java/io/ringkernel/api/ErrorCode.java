package io.ringkernel.api;

/**
 * Why a kernel answered a message with an error reply instead of a result. The wire value of
 * each code is fixed by the protocol (docs/protocol.md) and shared with device code.
 */
public enum ErrorCode {
    /** The kernel's handler threw or reported a failure. */
    HANDLER_FAILED(1),
    /** The message's header or checksum was invalid. */
    MALFORMED_MESSAGE(2),
    /** The kernel has no handler for the message type. */
    UNKNOWN_MESSAGE_TYPE(3),
    /** The payload could not be decoded into its declared type. */
    DESERIALIZATION_FAILED(4),
    /** The handler's reply could not be encoded or did not fit the output queue. */
    REPLY_FAILED(5),
    /** The kernel terminated before it processed the message. */
    KERNEL_TERMINATED(6),
    /** The message's deadline passed before the kernel processed it. */
    DEADLINE_EXPIRED(7),
    /** The backend faulted while the message was in flight. */
    BACKEND_FAULT(8),
    /**
     * The kernel's handler ran longer than the runtime's termination timeout on one turn and was
     * deemed hung; the kernel failed with the message in flight or queued.
     */
    HANDLER_HUNG(9);

    private final int wireCode;

    ErrorCode(int wireCode) {
        this.wireCode = wireCode;
    }

    /** @return the code's value on the wire */
    public int wireCode() {
        return wireCode;
    }

    /**
     * @param wireCode a value read from the wire
     * @return the matching code, or {@link #MALFORMED_MESSAGE} for a value no code has
     */
    public static ErrorCode fromWire(int wireCode) {
        for (ErrorCode code : values()) {
            if (code.wireCode == wireCode) {
                return code;
            }
        }
        return MALFORMED_MESSAGE;
    }
}
