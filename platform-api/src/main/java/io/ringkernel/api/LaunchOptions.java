package io.ringkernel.api;

/**
 * Per-kernel launch settings. A zero (or {@code null}) field means "use the runtime's default";
 * {@link #defaults()} has every field at its default.
 *
 * @param mode persistent or event-driven; {@code null} lets the backend choose its preferred mode
 * @param backend the backend to run on; {@code null} or {@link BackendType#AUTO} uses the runtime's
 * @param definitionId the kernel definition to instantiate; {@code null} means the kernel id itself
 * @param inputCapacity slots in the input queue (power of two), or 0
 * @param outputCapacity slots in the output queue (power of two), or 0
 * @param maxMessageSize largest message in bytes, header included, or 0
 * @param autoActivate whether the kernel starts processing as soon as it is launched
 * @param restartPolicy what happens when the kernel fails; {@code null} means {@link RestartPolicy#never()}
 */
public record LaunchOptions(
        LaunchMode mode,
        BackendType backend,
        String definitionId,
        int inputCapacity,
        int outputCapacity,
        int maxMessageSize,
        boolean autoActivate,
        RestartPolicy restartPolicy) {

    /** Validates the explicit sizes. */
    public LaunchOptions {
        if (inputCapacity != 0) {
            RuntimeConfig.requirePowerOfTwo("inputCapacity", inputCapacity);
        }
        if (outputCapacity != 0) {
            RuntimeConfig.requirePowerOfTwo("outputCapacity", outputCapacity);
        }
        if (maxMessageSize != 0 && maxMessageSize < 64) {
            throw new IllegalArgumentException("maxMessageSize must be 0 (default) or >= 64, got " + maxMessageSize);
        }
    }

    /** @return every setting at its default, auto-activate on */
    public static LaunchOptions defaults() {
        return new LaunchOptions(null, null, null, 0, 0, 0, true, RestartPolicy.never());
    }

    /** @param value the launch mode @return a copy with it */
    public LaunchOptions withMode(LaunchMode value) {
        return new LaunchOptions(value, backend, definitionId, inputCapacity, outputCapacity,
                maxMessageSize, autoActivate, restartPolicy);
    }

    /** @param value the backend @return a copy with it */
    public LaunchOptions withBackend(BackendType value) {
        return new LaunchOptions(mode, value, definitionId, inputCapacity, outputCapacity,
                maxMessageSize, autoActivate, restartPolicy);
    }

    /** @param value id of the definition to instantiate @return a copy with it */
    public LaunchOptions withDefinition(String value) {
        return new LaunchOptions(mode, backend, value, inputCapacity, outputCapacity,
                maxMessageSize, autoActivate, restartPolicy);
    }

    /** @param value slots of both queues @return a copy with both capacities set */
    public LaunchOptions withQueueCapacity(int value) {
        return new LaunchOptions(mode, backend, definitionId, value, value,
                maxMessageSize, autoActivate, restartPolicy);
    }

    /** @param value slots of the input queue @return a copy with it */
    public LaunchOptions withInputCapacity(int value) {
        return new LaunchOptions(mode, backend, definitionId, value, outputCapacity,
                maxMessageSize, autoActivate, restartPolicy);
    }

    /** @param value slots of the output queue @return a copy with it */
    public LaunchOptions withOutputCapacity(int value) {
        return new LaunchOptions(mode, backend, definitionId, inputCapacity, value,
                maxMessageSize, autoActivate, restartPolicy);
    }

    /** @param value bytes, header included @return a copy with it */
    public LaunchOptions withMaxMessageSize(int value) {
        return new LaunchOptions(mode, backend, definitionId, inputCapacity, outputCapacity,
                value, autoActivate, restartPolicy);
    }

    /** @param value whether to activate on launch @return a copy with it */
    public LaunchOptions withAutoActivate(boolean value) {
        return new LaunchOptions(mode, backend, definitionId, inputCapacity, outputCapacity,
                maxMessageSize, value, restartPolicy);
    }

    /** @param value what happens when the kernel fails @return a copy with it */
    public LaunchOptions withRestartPolicy(RestartPolicy value) {
        return new LaunchOptions(mode, backend, definitionId, inputCapacity, outputCapacity,
                maxMessageSize, autoActivate, value);
    }

    /** @return the restart policy, {@link RestartPolicy#never()} where none was given */
    public RestartPolicy restartPolicyOrNever() {
        return restartPolicy != null ? restartPolicy : RestartPolicy.never();
    }
}
