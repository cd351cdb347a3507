package io.ringkernel.management;

/**
 * The management view of one kernel, registered as {@code <domain>:type=Kernel,name=<quoted id>}.
 * Every attribute is read from a fresh {@link io.ringkernel.api.KernelMetrics} snapshot when it is
 * asked for. Operations that the runtime refuses throw {@link IllegalStateException} carrying the
 * runtime's message.
 */
public interface KernelMXBean {

    /** @return the kernel's id */
    String getKernelId();

    /** @return its state, e.g. "ACTIVE" */
    String getStatus();

    /** @return the backend it runs on, e.g. "CPU" */
    String getBackend();

    /** @return how the backend runs it, e.g. "PERSISTENT" */
    String getMode();

    /** @return the name of the device it runs on */
    String getDeviceName();

    /** @return messages committed to its input queue */
    long getMessagesIn();

    /** @return messages taken from its output queue */
    long getMessagesOut();

    /** @return messages its handler processed */
    long getProcessed();

    /** @return messages it rejected as malformed or could not answer */
    long getDropped();

    /** @return error replies it produced */
    long getErrors();

    /** @return replies that arrived after their call had timed out */
    long getLateReplies();

    /** @return messages waiting in its input queue */
    long getInputDepth();

    /** @return messages waiting in its output queue */
    long getOutputDepth();

    /** @return median round-trip latency in microseconds */
    double getLatencyP50Micros();

    /** @return 99th percentile latency in microseconds */
    double getLatencyP99Micros();

    /** @return 99.9th percentile latency in microseconds */
    double getLatencyP999Micros();

    /** @return largest latency seen, in microseconds */
    double getLatencyMaxMicros();

    /** @return processed messages per second since launch */
    double getThroughput();

    /** @return seconds since launch */
    double getUptimeSeconds();

    /** @return the last error the kernel reported, or the empty string */
    String getLastError();

    /** @return how often the kernel's restart policy restarted it after a failure */
    int getRestarts();

    /** Starts or resumes processing. */
    void activate();

    /** Parks the kernel; messages keep queueing. */
    void deactivate();

    /** Stops the kernel; its bean stays registered, showing TERMINATED, until its id is reused. */
    void terminate();
}
