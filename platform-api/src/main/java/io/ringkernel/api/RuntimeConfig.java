package io.ringkernel.api;

import java.time.Duration;

/**
 * Runtime-wide settings. {@link #defaults()} gives the reference design's values; each
 * {@code with…} method returns a copy with one setting changed.
 *
 * @param defaultQueueCapacity slots in each input and output queue unless a launch says otherwise (power of two)
 * @param maxMessageSize largest message, header included, in bytes (65,792 = 64 KiB payload + header slack)
 * @param slotSize bytes per ring slot (power of two, at least one header); a message takes as many
 *                 consecutive slots as its header and payload need, so memory is capacity × slotSize
 * @param bridgePollInterval how often a backend's host bridge polls device memory when it polls
 * @param terminationTimeout how long terminate waits for a kernel to stop
 * @param sendTimeout how long a sender waits for room in a full queue before a {@link QueueFullException}
 * @param telemetryEnabled whether kernels record latency and telemetry
 * @param cpuWorkerThreads worker threads shared by every kernel of the CPU backend
 * @param hotSwapGrace how long a kernel whose definition went away waits, parked with its queues,
 *                     for a definition with the same id to come back (a bundle update) before it
 *                     is terminated
 * @param maxKernels most kernels alive at once (launched and not yet terminated); a launch beyond
 *                   it fails with a {@link ResourceLimitException}
 * @param maxQueueBytes most bytes of ring memory one queue may take (its slots × slot size); a
 *                      launch asking for more fails with a {@link ResourceLimitException}
 */
public record RuntimeConfig(
        int defaultQueueCapacity,
        int maxMessageSize,
        int slotSize,
        Duration bridgePollInterval,
        Duration terminationTimeout,
        Duration sendTimeout,
        boolean telemetryEnabled,
        int cpuWorkerThreads,
        Duration hotSwapGrace,
        int maxKernels,
        long maxQueueBytes) {

    /** Default slots per queue (reference design). */
    public static final int DEFAULT_QUEUE_CAPACITY = 4096;
    /** Default largest message: 64 KiB of payload plus a 256-byte header allowance (reference design). */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 65_792;
    /** Default slot: one 64-byte header line and one 64-byte payload line. */
    public static final int DEFAULT_SLOT_SIZE = 128;
    /** Default most kernels alive at once. */
    public static final int DEFAULT_MAX_KERNELS = 10_000;
    /** Default most bytes one queue may take: 256 MiB. */
    public static final long DEFAULT_MAX_QUEUE_BYTES = 256L << 20;

    /** Validates every setting and names the one that is wrong. */
    public RuntimeConfig {
        requirePowerOfTwo("defaultQueueCapacity", defaultQueueCapacity);
        requirePowerOfTwo("slotSize", slotSize);
        if (slotSize < 64) {
            throw new IllegalArgumentException("slotSize must be >= 64 (one message header), got " + slotSize);
        }
        if (maxMessageSize < 64) {
            throw new IllegalArgumentException("maxMessageSize must be >= 64 (one message header), got " + maxMessageSize);
        }
        requirePositive("bridgePollInterval", bridgePollInterval);
        requirePositive("terminationTimeout", terminationTimeout);
        requireNonNegative("sendTimeout", sendTimeout);
        requireNonNegative("hotSwapGrace", hotSwapGrace);
        if (cpuWorkerThreads < 1) {
            throw new IllegalArgumentException("cpuWorkerThreads must be >= 1, got " + cpuWorkerThreads);
        }
        if (maxKernels < 1) {
            throw new IllegalArgumentException("maxKernels must be >= 1, got " + maxKernels);
        }
        if (maxQueueBytes < slotSize) {
            throw new IllegalArgumentException("maxQueueBytes must hold at least one slot of " + slotSize + " B, got "
                    + maxQueueBytes);
        }
    }

    /** @return the reference defaults, with one CPU worker thread per available processor */
    public static RuntimeConfig defaults() {
        return new RuntimeConfig(DEFAULT_QUEUE_CAPACITY, DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_SLOT_SIZE,
                Duration.ofNanos(100_000), Duration.ofSeconds(5), Duration.ofSeconds(1), true,
                Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(5), DEFAULT_MAX_KERNELS,
                DEFAULT_MAX_QUEUE_BYTES);
    }

    /** @param value slots per queue @return a copy with that default queue capacity */
    public RuntimeConfig withDefaultQueueCapacity(int value) {
        return new RuntimeConfig(value, maxMessageSize, slotSize, bridgePollInterval, terminationTimeout,
                sendTimeout, telemetryEnabled, cpuWorkerThreads, hotSwapGrace, maxKernels, maxQueueBytes);
    }

    /** @param value bytes, header included @return a copy with that maximum message size */
    public RuntimeConfig withMaxMessageSize(int value) {
        return new RuntimeConfig(defaultQueueCapacity, value, slotSize, bridgePollInterval, terminationTimeout,
                sendTimeout, telemetryEnabled, cpuWorkerThreads, hotSwapGrace, maxKernels, maxQueueBytes);
    }

    /** @param value bytes per slot @return a copy with that slot size */
    public RuntimeConfig withSlotSize(int value) {
        return new RuntimeConfig(defaultQueueCapacity, maxMessageSize, value, bridgePollInterval, terminationTimeout,
                sendTimeout, telemetryEnabled, cpuWorkerThreads, hotSwapGrace, maxKernels, maxQueueBytes);
    }

    /** @param value termination timeout @return a copy with it */
    public RuntimeConfig withTerminationTimeout(Duration value) {
        return new RuntimeConfig(defaultQueueCapacity, maxMessageSize, slotSize, bridgePollInterval, value,
                sendTimeout, telemetryEnabled, cpuWorkerThreads, hotSwapGrace, maxKernels, maxQueueBytes);
    }

    /** @param value how long a sender waits on a full queue @return a copy with it */
    public RuntimeConfig withSendTimeout(Duration value) {
        return new RuntimeConfig(defaultQueueCapacity, maxMessageSize, slotSize, bridgePollInterval,
                terminationTimeout, value, telemetryEnabled, cpuWorkerThreads, hotSwapGrace, maxKernels, maxQueueBytes);
    }

    /** @param value whether to record telemetry @return a copy with it */
    public RuntimeConfig withTelemetryEnabled(boolean value) {
        return new RuntimeConfig(defaultQueueCapacity, maxMessageSize, slotSize, bridgePollInterval,
                terminationTimeout, sendTimeout, value, cpuWorkerThreads, hotSwapGrace, maxKernels, maxQueueBytes);
    }

    /** @param value worker threads of the CPU backend @return a copy with it */
    public RuntimeConfig withCpuWorkerThreads(int value) {
        return new RuntimeConfig(defaultQueueCapacity, maxMessageSize, slotSize, bridgePollInterval,
                terminationTimeout, sendTimeout, telemetryEnabled, value, hotSwapGrace, maxKernels, maxQueueBytes);
    }

    /** @param value how long a detached kernel waits for its definition @return a copy with it */
    public RuntimeConfig withHotSwapGrace(Duration value) {
        return new RuntimeConfig(defaultQueueCapacity, maxMessageSize, slotSize, bridgePollInterval,
                terminationTimeout, sendTimeout, telemetryEnabled, cpuWorkerThreads, value, maxKernels, maxQueueBytes);
    }

    /** @param value most kernels alive at once @return a copy with that limit */
    public RuntimeConfig withMaxKernels(int value) {
        return new RuntimeConfig(defaultQueueCapacity, maxMessageSize, slotSize, bridgePollInterval,
                terminationTimeout, sendTimeout, telemetryEnabled, cpuWorkerThreads, hotSwapGrace, value,
                maxQueueBytes);
    }

    /** @param value most bytes one queue may take @return a copy with that limit */
    public RuntimeConfig withMaxQueueBytes(long value) {
        return new RuntimeConfig(defaultQueueCapacity, maxMessageSize, slotSize, bridgePollInterval,
                terminationTimeout, sendTimeout, telemetryEnabled, cpuWorkerThreads, hotSwapGrace, maxKernels, value);
    }

    static void requirePowerOfTwo(String name, int value) {
        if (value < 1 || Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException(name + " must be a positive power of two, got " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }

    private static void requireNonNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive, got " + value);
        }
    }
}
