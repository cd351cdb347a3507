package io.ringkernel.api;

import java.time.Duration;

/**
 * A snapshot of one kernel's counters, queue depths and latency.
 *
 * <p>Latency is measured by the host from the moment a message is committed to the input queue
 * to the moment its reply is taken from the output queue (HdrHistogram, microsecond precision).
 * Every call and every message sent alone is timed; of the messages {@code sendAll} or
 * {@code sendEncoded} writes together under one claim, the first stands for the run.
 *
 * @param kernelId the kernel
 * @param status its state when the snapshot was taken
 * @param backend the backend it runs on
 * @param mode how the backend runs it
 * @param device the device it runs on
 * @param messagesIn messages committed to its input queue
 * @param messagesOut messages taken from its output queue
 * @param processed messages its handler processed (telemetry written by the kernel)
 * @param dropped messages it rejected as malformed or could not answer (telemetry)
 * @param errors error replies it produced (telemetry)
 * @param lateReplies replies that arrived after their call had timed out (discarded, counted here)
 * @param inputDepth messages waiting in the input queue, in slots
 * @param outputDepth messages waiting in the output queue, in slots
 * @param latencyP50 median latency
 * @param latencyP99 99th percentile latency
 * @param latencyP999 99.9th percentile latency
 * @param latencyMax largest latency seen
 * @param throughput processed messages per second since launch
 * @param uptime time since launch
 * @param lastError the last error the kernel reported, or the empty string
 * @param restarts how often its {@link RestartPolicy} restarted it after a failure
 */
public record KernelMetrics(
        String kernelId,
        KernelStatus status,
        BackendType backend,
        LaunchMode mode,
        DeviceInfo device,
        long messagesIn,
        long messagesOut,
        long processed,
        long dropped,
        long errors,
        long lateReplies,
        long inputDepth,
        long outputDepth,
        Duration latencyP50,
        Duration latencyP99,
        Duration latencyP999,
        Duration latencyMax,
        double throughput,
        Duration uptime,
        String lastError,
        int restarts) {
}
