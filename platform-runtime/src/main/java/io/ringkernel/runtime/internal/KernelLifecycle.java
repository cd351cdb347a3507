package io.ringkernel.runtime.internal;

import io.ringkernel.api.IllegalKernelStateException;
import io.ringkernel.api.KernelStatus;

/** A kernel's state, moved only along {@link KernelStatus}'s table of transitions. */
final class KernelLifecycle {
    private final String kernelId;
    private volatile KernelStatus status = KernelStatus.CREATED;

    KernelLifecycle(String kernelId) {
        this.kernelId = kernelId;
    }

    KernelStatus status() {
        return status;
    }

    /**
     * @param next the state to move to
     * @throws IllegalKernelStateException naming both states if the table forbids the move
     */
    synchronized void transition(KernelStatus next) {
        if (!status.canTransitionTo(next)) {
            throw IllegalKernelStateException.transition(kernelId, status, next);
        }
        status = next;
    }

    /**
     * @param next the state to move to
     * @return true if moved, false if the table forbids it (nothing thrown)
     */
    synchronized boolean tryTransition(KernelStatus next) {
        if (!status.canTransitionTo(next)) {
            return false;
        }
        status = next;
        return true;
    }

    /**
     * Moves to FAILED unless the kernel is being terminated, whose end then decides the outcome.
     *
     * @return true if moved
     */
    synchronized boolean failUnlessTerminating() {
        return status != KernelStatus.TERMINATING && tryTransition(KernelStatus.FAILED);
    }

    /**
     * @param operation what the caller wants to do, for the error message
     * @throws IllegalKernelStateException if the kernel does not take messages now
     */
    void requireAcceptingMessages(String operation) {
        KernelStatus current = status;
        if (!current.acceptsMessages()) {
            throw IllegalKernelStateException.operation(kernelId, current, operation);
        }
    }
}
