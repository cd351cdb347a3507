package io.ringkernel.api;

/**
 * A launch would go past one of the runtime's limits ({@link RuntimeConfig#maxKernels()},
 * {@link RuntimeConfig#maxQueueBytes()}); nothing was launched.
 */
public class ResourceLimitException extends KernelLaunchException {
    private static final long serialVersionUID = 1L;

    private final String limit;

    /**
     * @param kernelId the kernel being launched
     * @param limit the name of the {@link RuntimeConfig} setting that refused it
     * @param message what was asked for and what the limit allows
     */
    public ResourceLimitException(String kernelId, String limit, String message) {
        super(kernelId, message, null);
        this.limit = limit;
    }

    /** @return the name of the {@link RuntimeConfig} setting that refused the launch, e.g. "maxKernels" */
    public String limit() {
        return limit;
    }
}
