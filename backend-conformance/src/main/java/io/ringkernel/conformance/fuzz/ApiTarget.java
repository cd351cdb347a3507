package io.ringkernel.conformance.fuzz;

import io.ringkernel.api.RuntimeConfig;

/** The two conformance kernels the public-API fuzz suite sends to, which differ in their maximum message size. */
enum ApiTarget {
    /** The default maximum message size, 64 KiB of payload. */
    WIDE("fuzz-wide", RuntimeConfig.DEFAULT_MAX_MESSAGE_SIZE),
    /** A small maximum message size, set at launch. */
    NARROW("fuzz-narrow", 1_024);

    private final String kernelId;
    private final int maxMessageSize;

    ApiTarget(String kernelId, int maxMessageSize) {
        this.kernelId = kernelId;
        this.maxMessageSize = maxMessageSize;
    }

    /** @return the id the kernel is launched under */
    String kernelId() {
        return kernelId;
    }

    /** @return the kernel's largest message, header included, in bytes */
    int maxMessageSize() {
        return maxMessageSize;
    }
}
