package io.ringkernel.runtime.internal;

import io.ringkernel.api.ReceivedMessage;
import io.ringkernel.api.RingKernelException;

/** One message waiting for {@code receive}: a decoded message, or the error it turned out to be. */
record InboxEntry(ReceivedMessage message, RingKernelException error) {

    ReceivedMessage messageOrThrow() {
        if (error != null) {
            throw error;
        }
        return message;
    }
}
