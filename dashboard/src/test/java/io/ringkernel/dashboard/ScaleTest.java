package io.ringkernel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 500 kernels whose numbers change on every snapshot, sorted, with one selected and charted. */
@ExtendWith(ApplicationExtension.class)
class ScaleTest {
    private static final int KERNELS = 500;
    private static final int PROBES = 40;
    private static final long PROBE_PERIOD_MILLIS = 100;

    private final FxRobot robot = new FxRobot();
    private final SyntheticSource source = new SyntheticSource(KERNELS);
    private DashboardWindow window;

    @Start
    void start(Stage stage) {
        window = DashboardWindow.show(stage, source);
    }

    @AfterEach
    void stop() {
        robot.interact(window::close);
    }

    @Test
    void fiveHundredChangingKernelsKeepTheirSortAndSelectionWithoutStarvingTheFxThread()
            throws TimeoutException, InterruptedException {
        Fx.waitUntil(() -> kernels().getItems().size() == KERNELS);
        String selected = SyntheticSource.kernelId(42);
        robot.interact(() -> {
            TableColumn<KernelRow, ?> processed = column("Processed");
            processed.setSortType(TableColumn.SortType.DESCENDING);
            kernels().getSortOrder().setAll(List.of(processed));
            kernels().getItems().stream().filter(row -> row.kernelId().equals(selected)).findFirst()
                    .ifPresent(row -> kernels().getSelectionModel().select(row));
        });
        long processedBefore = Fx.read(() -> row(selected).processedProperty().get());
        long snapshotsBefore = source.snapshotsTaken();

        double averageDelayMillis = averageFxDelayMillis();

        assertThat(source.snapshotsTaken() - snapshotsBefore)
                .as("snapshots taken while probing").isGreaterThanOrEqualTo(PROBES / 4);
        assertThat(averageDelayMillis).as("average wait of a runLater probe, ms").isLessThan(250);
        Fx.waitUntil(() -> row(selected).processedProperty().get() > processedBefore);
        assertThat(Fx.read(() -> kernels().getItems().size())).isEqualTo(KERNELS);
        assertThat(Fx.read(() -> kernels().getSelectionModel().getSelectedItem().kernelId())).isEqualTo(selected);
        assertThat(Fx.read(() -> kernels().getItems().get(0).kernelId())).isEqualTo(SyntheticSource.kernelId(KERNELS - 1));
        assertThat(Fx.read(() -> kernels().getItems().stream().map(row -> row.processedProperty().get()).toList()))
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    private double averageFxDelayMillis() throws InterruptedException {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            long scheduled = System.nanoTime();
            Platform.runLater(() -> {
                synchronized (delays) {
                    delays.add(System.nanoTime() - scheduled);
                }
            });
            Thread.sleep(PROBE_PERIOD_MILLIS);
        }
        Thread.sleep(1_000);
        synchronized (delays) {
            assertThat(delays).as("probes served").hasSize(PROBES);
            return delays.stream().mapToLong(Long::longValue).average().orElseThrow() / 1_000_000.0;
        }
    }

    private TableView<KernelRow> kernels() {
        return robot.lookup("#kernels").queryTableView();
    }

    @SuppressWarnings("unchecked")
    private TableColumn<KernelRow, ?> column(String title) {
        return (TableColumn<KernelRow, ?>) kernels().getColumns().stream()
                .filter(column -> column.getText().equals(title)).findFirst().orElseThrow();
    }

    private KernelRow row(String kernelId) {
        return kernels().getItems().stream().filter(row -> row.kernelId().equals(kernelId)).findFirst().orElseThrow();
    }
}
