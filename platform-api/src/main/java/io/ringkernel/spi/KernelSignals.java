package io.ringkernel.spi;

import org.osgi.annotation.versioning.ProviderType;

/** Callbacks a backend makes into the runtime for one kernel. */
@ProviderType
public interface KernelSignals {

    /** The kernel committed one or more messages to its output ring. */
    void outputCommitted();

    /**
     * The kernel cannot go on: its backend faulted. The runtime marks it FAILED.
     *
     * @param cause what happened
     */
    void failed(Throwable cause);
}
