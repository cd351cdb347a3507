package io.ringkernel.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a kernel, with its one table of legal transitions.
 *
 * <pre>
 *  CREATED ─► LAUNCHED ─► ACTIVE ⇄ DEACTIVATED
 *                │           │          │
 *                └───────────┴──────────┴──► TERMINATING ─► TERMINATED
 *  any state but TERMINATED ─► FAILED ─► TERMINATING
 *                              FAILED ─► LAUNCHED   (a restart, by the kernel's RestartPolicy)
 * </pre>
 */
public enum KernelStatus {
    /** Resources allocated, not yet launched on its backend. */
    CREATED,
    /** Launched on its backend; messages queue but are not processed yet. */
    LAUNCHED,
    /** Processing messages. */
    ACTIVE,
    /** Parked: messages queue, nothing is processed, no CPU or GPU time is burnt. */
    DEACTIVATED,
    /** Asked to stop; queued messages are being failed back to their senders. */
    TERMINATING,
    /** Stopped, resources released. Final. */
    TERMINATED,
    /** Stopped by a fault of its backend or handler loop; the cause is in the metrics. */
    FAILED;

    /**
     * Whether the lifecycle allows going from this state to {@code next}.
     *
     * @param next the state to go to
     * @return true if the transition is in the table
     */
    public boolean canTransitionTo(KernelStatus next) {
        return successors().contains(next);
    }

    /** @return the states this state may move to */
    public Set<KernelStatus> successors() {
        return switch (this) {
            case CREATED -> EnumSet.of(LAUNCHED, TERMINATING, FAILED);
            case LAUNCHED -> EnumSet.of(ACTIVE, TERMINATING, FAILED);
            case ACTIVE -> EnumSet.of(DEACTIVATED, TERMINATING, FAILED);
            case DEACTIVATED -> EnumSet.of(ACTIVE, TERMINATING, FAILED);
            case TERMINATING -> EnumSet.of(TERMINATED, FAILED);
            case FAILED -> EnumSet.of(TERMINATING, LAUNCHED);
            case TERMINATED -> EnumSet.noneOf(KernelStatus.class);
        };
    }

    /** @return true if messages sent now will be queued (the kernel is not stopping or stopped) */
    public boolean acceptsMessages() {
        return this == LAUNCHED || this == ACTIVE || this == DEACTIVATED;
    }
}
