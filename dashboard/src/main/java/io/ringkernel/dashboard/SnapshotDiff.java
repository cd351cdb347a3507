package io.ringkernel.dashboard;

import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events between two consecutive snapshots: kernels launched, changing state, failing or
 * gone, and definitions registered or withdrawn (a hot swap is a definition withdrawn and
 * registered again).
 */
final class SnapshotDiff {

    private SnapshotDiff() {
    }

    /**
     * @param before the earlier snapshot
     * @param after the later one
     * @return what changed, in the order the later snapshot lists it
     */
    static List<LogEntry> between(DashboardSnapshot before, DashboardSnapshot after) {
        Instant time = after.takenAt();
        List<LogEntry> events = new ArrayList<>();
        Map<String, KernelMetrics> previous = new LinkedHashMap<>();
        before.kernels().forEach(kernel -> previous.put(kernel.kernelId(), kernel));
        for (KernelMetrics now : after.kernels()) {
            KernelMetrics was = previous.remove(now.kernelId());
            if (was == null) {
                events.add(LogEntry.info(time, now.kernelId(), "launched on " + now.backend() + ", " + now.status()));
            } else {
                kernelChanges(time, was, now, events);
            }
        }
        previous.keySet().forEach(kernelId -> events.add(LogEntry.info(time, kernelId, "gone")));
        definitionChanges(time, before.definitionIds(), after.definitionIds(), events);
        return events;
    }

    private static void kernelChanges(Instant time, KernelMetrics was, KernelMetrics now, List<LogEntry> events) {
        String kernelId = now.kernelId();
        if (was.status() != now.status()) {
            String text = "state " + was.status() + " → " + now.status();
            events.add(now.status() == KernelStatus.FAILED
                    ? LogEntry.failure(time, kernelId, text)
                    : LogEntry.info(time, kernelId, text));
        }
        if (now.restarts() > was.restarts()) {
            events.add(LogEntry.info(time, kernelId, "restarted by its restart policy (" + now.restarts()
                    + (now.restarts() == 1 ? " restart)" : " restarts)")));
        }
        if (now.errors() > was.errors()) {
            events.add(LogEntry.failure(time, kernelId, "errors " + was.errors() + " → " + now.errors()));
        }
        if (!now.lastError().equals(was.lastError()) && !now.lastError().isEmpty()) {
            events.add(LogEntry.failure(time, kernelId, "last error: " + now.lastError()));
        }
    }

    private static void definitionChanges(Instant time, List<String> before, List<String> after, List<LogEntry> events) {
        Set<String> withdrawn = new LinkedHashSet<>(before);
        after.forEach(withdrawn::remove);
        Set<String> registered = new LinkedHashSet<>(after);
        before.forEach(registered::remove);
        withdrawn.forEach(id -> events.add(LogEntry.info(time, "", "definition " + id + " withdrawn")));
        registered.forEach(id -> events.add(LogEntry.info(time, "", "definition " + id + " registered")));
    }
}
