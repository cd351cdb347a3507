package io.ringkernel.management;

import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.text.TextCall;
import java.time.Duration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A {@link RingKernelRuntimeMXBean} that reads the runtime on every call. After a launch it runs
 * {@code onKernelsChanged}, so the new kernel's bean appears without waiting for the next
 * scheduled refresh.
 */
final class RuntimeBean implements RingKernelRuntimeMXBean {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private final RingKernelRuntime runtime;
    private final Runnable onKernelsChanged;

    /**
     * @param runtime the runtime to show
     * @param onKernelsChanged what to run after a kernel is launched
     */
    RuntimeBean(RingKernelRuntime runtime, Runnable onKernelsChanged) {
        this.runtime = runtime;
        this.onKernelsChanged = onKernelsChanged;
    }

    @Override
    public String getDefaultBackend() {
        return runtime.defaultBackend().name();
    }

    @Override
    public List<BackendSummary> getBackends() {
        return runtime.backends().stream().map(BackendSummary::of).toList();
    }

    @Override
    public List<String> getKernelIds() {
        return runtime.listKernels();
    }

    @Override
    public List<String> getDefinitionIds() {
        return runtime.listDefinitions();
    }

    @Override
    public Map<String, Integer> getKernelsByState() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (KernelStatus status : KernelStatus.values()) {
            counts.put(status.name(), 0);
        }
        for (String kernelId : runtime.listKernels()) {
            counts.merge(JmxErrors.read(() -> runtime.status(kernelId)).name(), 1, Integer::sum);
        }
        return counts;
    }

    private long sum(ToLongFunction<KernelMetrics> counter) {
        long total = 0;
        for (String kernelId : runtime.listKernels()) {
            total += counter.applyAsLong(JmxErrors.read(() -> runtime.metrics(kernelId)));
        }
        return total;
    }

    @Override
    public long getTotalMessagesIn() {
        return sum(KernelMetrics::messagesIn);
    }

    @Override
    public long getTotalMessagesOut() {
        return sum(KernelMetrics::messagesOut);
    }

    @Override
    public long getTotalProcessed() {
        return sum(KernelMetrics::processed);
    }

    @Override
    public long getTotalDropped() {
        return sum(KernelMetrics::dropped);
    }

    @Override
    public long getTotalErrors() {
        return sum(KernelMetrics::errors);
    }

    @Override
    public void launch(String kernelId, String definitionId) {
        String definition = definitionId == null || definitionId.isBlank() ? null : definitionId;
        JmxErrors.run(() -> runtime.launch(kernelId, LaunchOptions.defaults().withDefinition(definition)));
        onKernelsChanged.run();
    }

    @Override
    public String call(String kernelId, int typeId, String words) {
        return JmxErrors.read(() -> TextCall.call(runtime.kernel(kernelId), typeId, words, CALL_TIMEOUT));
    }

    @Override
    public void activate(String kernelId) {
        JmxErrors.run(() -> runtime.activate(kernelId));
    }

    @Override
    public void deactivate(String kernelId) {
        JmxErrors.run(() -> runtime.deactivate(kernelId));
    }

    @Override
    public void terminate(String kernelId) {
        JmxErrors.run(() -> runtime.terminate(kernelId));
    }
}
