package io.ringkernel.conformance.fuzz;

import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;

import io.ringkernel.conformance.Blob;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Fail;
import io.ringkernel.spi.MessageType;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One message the public-API fuzz suite sends, and how.
 *
 * @param target the kernel it goes to
 * @param message the message: of one of the conformance kernel's types, or anything else, or null
 * @param delivery how it is sent and its outcome collected
 * @param timeout how long the call, or the first receive, waits for the reply
 * @param replyType the type the sender asks the reply to be
 */
record ApiCase(ApiTarget target, Object message, ApiDelivery delivery, Duration timeout, Class<?> replyType) {
    private static final Map<Class<?>, Integer> TYPE_IDS = new ConformanceKernel().messageTypes().stream()
            .collect(Collectors.toUnmodifiableMap(MessageType::javaType, MessageType::typeId));
    /** Bytes a blob's encoding takes besides its data. */
    static final int BLOB_OVERHEAD = encodedLength(new Blob(new byte[0]));

    /**
     * The outcome the runtime and the kernel give the message unless the sender's timeout runs out
     * first. The order is that of the runtime's checks: the message's class, its encoding, its
     * size; then the kernel's handler; then the reply's type.
     *
     * @return what the message must come to
     */
    ApiOutcome answer() {
        if (message == null || !TYPE_IDS.containsKey(message.getClass())) {
            return ApiOutcome.NOT_A_MESSAGE_TYPE;
        }
        if (message instanceof Blob blob && blob.data() == null) {
            return ApiOutcome.NOT_ENCODABLE;
        }
        if (HEADER_LENGTH + encodedLength() > target.maxMessageSize()) {
            return ApiOutcome.TOO_LARGE;
        }
        if (message instanceof Fail) {
            return ApiOutcome.HANDLER_FAILED;
        }
        return delivery.checksReplyType() && !replyType.isInstance(message) ? ApiOutcome.WRONG_REPLY_TYPE
                : ApiOutcome.ECHOED;
    }

    /** @return true if the sender may see its timeout run out instead of the answer */
    boolean mayTimeOut() {
        return delivery.timeoutIsAnOutcome() && answer().sent() && timeout.compareTo(ApiDelivery.WAIT) < 0;
    }

    /** @return the wire type of a message of one of the kernel's types */
    int typeId() {
        return TYPE_IDS.get(message.getClass());
    }

    /**
     * @return the payload's length in the fixed layout, as the kernel's codec encodes it (fuzzed
     *         against the documented format in platform-api)
     */
    int encodedLength() {
        return encodedLength(message);
    }

    private static int encodedLength(Object message) {
        return SlotCases.codecs().get(TYPE_IDS.get(message.getClass())).encode(message).remaining();
    }

    /** @return for a blob, how its size lies against the kernel's maximum; else null */
    String blobSize() {
        if (!(message instanceof Blob blob)) {
            return null;
        }
        if (blob.data() == null) {
            return "null";
        }
        int room = target.maxMessageSize() - HEADER_LENGTH - BLOB_OVERHEAD;
        int length = blob.data().length;
        if (length == 0) {
            return "empty";
        }
        if (length > room) {
            return length - room <= ApiCases.NEAR_LIMIT ? "just over the limit" : "far over the limit";
        }
        return room - length <= ApiCases.NEAR_LIMIT ? "at the limit" : "within the limit";
    }

    @Override
    public String toString() {
        return "ApiCase[" + target + ", " + describe(message) + ", " + delivery + ", timeout " + timeout + ", reply as "
                + replyType.getSimpleName() + "]";
    }

    /** @return the message's class and value, a blob's data by its length */
    private static String describe(Object message) {
        if (message == null) {
            return "null";
        }
        String value = message instanceof Blob blob && blob.data() != null ? "Blob[data=byte[" + blob.data().length + "]]"
                : String.valueOf(message);
        return message.getClass().getSimpleName() + " " + value;
    }
}
