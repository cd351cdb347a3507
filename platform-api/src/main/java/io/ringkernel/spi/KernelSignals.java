package io.ringkernel.spi;

import io.ringkernel.api.ErrorCode;
import org.osgi.annotation.versioning.ProviderType;

/** Callbacks a backend makes into the runtime for one kernel. */
@ProviderType
public interface KernelSignals {

    /** The kernel committed one or more messages to its output ring. */
    void outputCommitted();

    /**
     * The kernel cannot go on: its backend faulted. The runtime marks it FAILED and fails its
     * waiting calls with {@link ErrorCode#BACKEND_FAULT}.
     *
     * @param cause what happened
     */
    void failed(Throwable cause);

    /**
     * The kernel cannot go on, for a reason its waiting senders should read as {@code code}
     * (a handler that hung, say). The runtime marks it FAILED. By default the same as
     * {@link #failed(Throwable)}.
     *
     * @param code the error the kernel's waiting calls fail with
     * @param cause what happened
     */
    default void failed(ErrorCode code, Throwable cause) {
        failed(cause);
    }
}
