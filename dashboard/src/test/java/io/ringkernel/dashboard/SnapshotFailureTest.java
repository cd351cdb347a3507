package io.ringkernel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SnapshotFailureTest {
    private static final String FAILURE = "runtime unreachable";

    private final FxRobot robot = new FxRobot();
    private final SyntheticSource source = new SyntheticSource(3);
    private DashboardWindow window;

    @Start
    void start(Stage stage) {
        source.failWith(FAILURE);
        window = DashboardWindow.show(stage, source);
    }

    @AfterEach
    void stop() {
        robot.interact(window::close);
    }

    @Test
    void aFailingSnapshotShowsInTheStatusBarAndOnceInTheLogAndPollingGoesOn() throws TimeoutException {
        Fx.waitUntil(() -> status().getText().equals("Cannot read the runtime: " + FAILURE)
                && status().getStyleClass().contains("error"));
        long failedSoFar = source.snapshotsTaken();
        Fx.waitUntil(() -> failureEntries() == 1);

        source.failWith(null);

        Fx.waitUntil(() -> robot.lookup("#kernels").queryTableView().getItems().size() == 3);
        assertThat(source.snapshotsTaken()).isGreaterThan(failedSoFar);
        assertThat(Fx.read(this::failureEntries)).isEqualTo(1);
        Fx.waitUntil(() -> !status().getStyleClass().contains("error"));
    }

    private long failureEntries() {
        List<LogEntry> entries = robot.lookup("#eventLog").<LogEntry>queryTableView().getItems();
        return entries.stream().filter(entry -> entry.failure() && entry.text().contains(FAILURE)).count();
    }

    private Label status() {
        return robot.lookup("#status").queryAs(Label.class);
    }
}
