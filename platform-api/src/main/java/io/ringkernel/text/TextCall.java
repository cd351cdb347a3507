package io.ringkernel.text;

import io.ringkernel.api.KernelHandle;
import java.time.Duration;
import java.util.List;

/**
 * A call written and answered as text: the request built from words by {@link MessageParser},
 * the reply written by {@link MessageFormatter}. For tools that take a message from a person
 * (the dashboard's test message, the JMX {@code call} operation).
 */
public final class TextCall {

    private TextCall() {
    }

    /**
     * @param kernel the kernel to call
     * @param typeId the request's wire message type
     * @param words the request's components, separated by white space
     * @param timeout how long to wait for the reply
     * @return the reply as one line
     * @throws IllegalArgumentException if the words do not make a message of that type
     * @throws io.ringkernel.api.RingKernelException if the call fails
     */
    public static String call(KernelHandle kernel, int typeId, String words, Duration timeout) {
        List<String> values = words == null || words.isBlank() ? List.of() : List.of(words.trim().split("\\s+"));
        Object request = MessageParser.parse(kernel.id(), kernel.messageTypes(), typeId, values);
        return MessageFormatter.format(kernel.call(request, Object.class, timeout));
    }
}
