package io.ringkernel.api;

import java.time.Duration;

/** An operation did not complete within its timeout. */
public class KernelTimeoutException extends RingKernelException {
    private static final long serialVersionUID = 1L;

    /**
     * @param kernelId the kernel waited on
     * @param operation what was waited for, e.g. "reply to message 42"
     * @param timeout how long was waited
     */
    public KernelTimeoutException(String kernelId, String operation, Duration timeout) {
        super(kernelId, "timed out after " + timeout.toMillis() + " ms waiting for " + operation
                + " from kernel '" + kernelId + "'");
    }
}
