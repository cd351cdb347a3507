package io.ringkernel.api;

/** An operation or transition that the kernel's current state does not allow. */
public class IllegalKernelStateException extends RingKernelException {
    private static final long serialVersionUID = 1L;

    private final KernelStatus current;

    private IllegalKernelStateException(String kernelId, KernelStatus current, String message) {
        super(kernelId, message);
        this.current = current;
    }

    /**
     * A transition outside {@link KernelStatus}'s table.
     *
     * @param kernelId the kernel
     * @param from its current state
     * @param to the state that was asked for
     * @return the exception
     */
    public static IllegalKernelStateException transition(String kernelId, KernelStatus from, KernelStatus to) {
        return new IllegalKernelStateException(kernelId, from,
                "kernel '" + kernelId + "' cannot go from " + from + " to " + to
                        + " (allowed from " + from + ": " + from.successors() + ")");
    }

    /**
     * An operation that the current state forbids, such as sending to a terminated kernel.
     *
     * @param kernelId the kernel
     * @param current its current state
     * @param operation what was attempted
     * @return the exception
     */
    public static IllegalKernelStateException operation(String kernelId, KernelStatus current, String operation) {
        return new IllegalKernelStateException(kernelId, current,
                "cannot " + operation + " kernel '" + kernelId + "': it is " + current);
    }

    /**
     * An operation that the kernel cannot do until something outside it changes, such as
     * activating a kernel whose serializer was removed.
     *
     * @param kernelId the kernel
     * @param current its current state
     * @param operation what was attempted
     * @param reason what stands in the way
     * @return the exception
     */
    public static IllegalKernelStateException operation(String kernelId, KernelStatus current, String operation,
                                                        String reason) {
        return new IllegalKernelStateException(kernelId, current,
                "cannot " + operation + " kernel '" + kernelId + "': " + reason);
    }

    /** @return the state the kernel was in */
    public KernelStatus current() {
        return current;
    }
}
