package io.ringkernel.api;

/** The requested backend is not installed or cannot run on this machine. */
public class BackendUnavailableException extends RingKernelException {
    private static final long serialVersionUID = 1L;

    /**
     * @param backend the backend asked for
     * @param reason why it cannot be used
     */
    public BackendUnavailableException(BackendType backend, String reason) {
        super(null, "backend " + backend + " is unavailable: " + reason);
    }
}
