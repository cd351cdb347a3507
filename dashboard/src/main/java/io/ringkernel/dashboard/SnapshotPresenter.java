package io.ringkernel.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Applies each snapshot to the views on the JavaFX thread: the kernels table, the chart
 * histories, backends, bundles, the events it differs by from the previous one, and the status
 * bar. A failed read shows in the status bar, and once per run of failures in the event log.
 */
final class SnapshotPresenter {
    private final KernelTable kernels;
    private final HistoryBook histories;
    private final KernelCharts charts;
    private final BackendsPanel backends;
    private final BundlesTable bundles;
    private final EventLog log;
    private final StatusBar status;
    private DashboardSnapshot latest;
    private boolean failing;

    /**
     * @param kernels the kernels table
     * @param histories the chart histories
     * @param charts the selected kernel's charts
     * @param backends the backends panel
     * @param bundles the bundles table
     * @param log the event log
     * @param status the status bar
     */
    SnapshotPresenter(KernelTable kernels, HistoryBook histories, KernelCharts charts, BackendsPanel backends,
                      BundlesTable bundles, EventLog log, StatusBar status) {
        this.kernels = kernels;
        this.histories = histories;
        this.charts = charts;
        this.backends = backends;
        this.bundles = bundles;
        this.log = log;
        this.status = status;
    }

    /** @param snapshot the newest snapshot */
    void apply(DashboardSnapshot snapshot) {
        kernels.apply(snapshot.kernels());
        if (histories.record(snapshot)) {
            charts.sampled();
        }
        backends.apply(snapshot.backends());
        bundles.apply(snapshot.bundles());
        if (latest != null) {
            log.add(SnapshotDiff.between(latest, snapshot));
        }
        latest = snapshot;
        if (failing) {
            failing = false;
            status.info("Reading the runtime again");
            log.add(LogEntry.info(snapshot.takenAt(), "", "reading the runtime again"));
        }
        status.summary(snapshot.kernels().size() + " kernels · " + snapshot.definitionIds().size()
                + " definitions · updated " + Formats.clock(snapshot.takenAt()));
    }

    /** @param failure why the latest read failed */
    void fail(RuntimeException failure) {
        String text = "Cannot read the runtime: " + Formats.message(failure);
        status.error(text);
        if (!failing) {
            failing = true;
            log.add(LogEntry.failure(Instant.now(), "", text));
        }
    }

    /** @return the definitions of the newest snapshot, empty before the first */
    List<String> definitionIds() {
        return latest == null ? List.of() : latest.definitionIds();
    }
}
