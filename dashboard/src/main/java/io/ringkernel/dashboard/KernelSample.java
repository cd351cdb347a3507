package io.ringkernel.dashboard;

import io.ringkernel.api.KernelMetrics;

/**
 * One point of a kernel's chart history.
 *
 * @param epochSecond when it was taken, in seconds since the epoch
 * @param inputDepth messages waiting in the input queue
 * @param outputDepth messages waiting in the output queue
 * @param throughput processed messages per second
 * @param p50Micros median latency in microseconds
 * @param p99Micros 99th percentile latency in microseconds
 */
record KernelSample(long epochSecond, long inputDepth, long outputDepth, double throughput, double p50Micros,
                    double p99Micros) {

    /**
     * @param epochSecond when the metrics were read
     * @param metrics a kernel's metrics
     * @return the sample they make
     */
    static KernelSample of(long epochSecond, KernelMetrics metrics) {
        return new KernelSample(epochSecond, metrics.inputDepth(), metrics.outputDepth(), metrics.throughput(),
                Formats.micros(metrics.latencyP50()), Formats.micros(metrics.latencyP99()));
    }
}
