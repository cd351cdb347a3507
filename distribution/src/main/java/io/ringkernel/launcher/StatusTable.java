package io.ringkernel.launcher;

import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.RingKernelException;
import io.ringkernel.api.RingKernelRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats the kernels' state and metrics as a fixed-width text table, one row a kernel:
 * id, state, backend, processed, input and output queue depth, p99 latency in microseconds.
 */
public final class StatusTable {

    private static final String FORMAT = "%-16s %-12s %-8s %12s %8s %8s %10s%n";

    private StatusTable() {
    }

    /**
     * @param runtime the runtime to read
     * @return the table, header first; a kernel that goes away while it is read is left out
     */
    public static String render(RingKernelRuntime runtime) {
        List<KernelMetrics> rows = new ArrayList<>();
        for (String id : runtime.listKernels()) {
            try {
                rows.add(runtime.metrics(id));
            } catch (RingKernelException e) {
                // the kernel went away between listing and reading: nothing to show
            }
        }
        return render(rows);
    }

    /**
     * @param rows the kernels' metrics
     * @return the table, header first
     */
    public static String render(List<KernelMetrics> rows) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(FORMAT, "KERNEL", "STATE", "BACKEND", "PROCESSED", "IN", "OUT", "P99(us)"));
        for (KernelMetrics row : rows) {
            table.append(String.format(FORMAT, row.kernelId(), row.status(), row.backend(), row.processed(),
                    row.inputDepth(), row.outputDepth(),
                    String.format("%.1f", row.latencyP99().toNanos() / 1000.0)));
        }
        return table.toString();
    }
}
