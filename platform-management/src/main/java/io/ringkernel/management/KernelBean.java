package io.ringkernel.management;

import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.RingKernelRuntime;

import java.time.Duration;

/** A {@link KernelMXBean} that looks its kernel up by id and snapshots its metrics on every read. */
final class KernelBean implements KernelMXBean {
    private final RingKernelRuntime runtime;
    private final String kernelId;

    /**
     * @param runtime the runtime that owns the kernel
     * @param kernelId the kernel's id
     */
    KernelBean(RingKernelRuntime runtime, String kernelId) {
        this.runtime = runtime;
        this.kernelId = kernelId;
    }

    private KernelMetrics metrics() {
        return JmxErrors.read(() -> runtime.metrics(kernelId));
    }

    private static double micros(Duration duration) {
        return duration.toNanos() / 1_000.0;
    }

    @Override
    public String getKernelId() {
        return kernelId;
    }

    @Override
    public String getStatus() {
        return JmxErrors.read(() -> runtime.status(kernelId)).name();
    }

    @Override
    public String getBackend() {
        return metrics().backend().name();
    }

    @Override
    public String getMode() {
        return metrics().mode().name();
    }

    @Override
    public String getDeviceName() {
        return metrics().device().name();
    }

    @Override
    public long getMessagesIn() {
        return metrics().messagesIn();
    }

    @Override
    public long getMessagesOut() {
        return metrics().messagesOut();
    }

    @Override
    public long getProcessed() {
        return metrics().processed();
    }

    @Override
    public long getDropped() {
        return metrics().dropped();
    }

    @Override
    public long getErrors() {
        return metrics().errors();
    }

    @Override
    public long getLateReplies() {
        return metrics().lateReplies();
    }

    @Override
    public long getInputDepth() {
        return metrics().inputDepth();
    }

    @Override
    public long getOutputDepth() {
        return metrics().outputDepth();
    }

    @Override
    public double getLatencyP50Micros() {
        return micros(metrics().latencyP50());
    }

    @Override
    public double getLatencyP99Micros() {
        return micros(metrics().latencyP99());
    }

    @Override
    public double getLatencyP999Micros() {
        return micros(metrics().latencyP999());
    }

    @Override
    public double getLatencyMaxMicros() {
        return micros(metrics().latencyMax());
    }

    @Override
    public double getThroughput() {
        return metrics().throughput();
    }

    @Override
    public double getUptimeSeconds() {
        return metrics().uptime().toNanos() / 1e9;
    }

    @Override
    public String getLastError() {
        return metrics().lastError();
    }

    @Override
    public int getRestarts() {
        return metrics().restarts();
    }

    @Override
    public void activate() {
        JmxErrors.run(() -> runtime.activate(kernelId));
    }

    @Override
    public void deactivate() {
        JmxErrors.run(() -> runtime.deactivate(kernelId));
    }

    @Override
    public void terminate() {
        JmxErrors.run(() -> runtime.terminate(kernelId));
    }
}
