package io.ringkernel.dashboard;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The status bar: the outcome of the latest action or snapshot failure (in the error colour when
 * it failed), and a summary of the latest snapshot.
 */
final class StatusBar {
    private static final String ERROR = "error";

    private final Label status = new Label("Connecting…");
    private final Label summary = new Label();
    private final HBox view = new HBox(status, summary);

    /** Builds the bar. */
    StatusBar() {
        status.setId("status");
        summary.setId("summary");
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        view.getStyleClass().add("status-bar");
    }

    /** @return the bar */
    HBox view() {
        return view;
    }

    /** @param text what went as it should */
    void info(String text) {
        status.setText(text);
        status.getStyleClass().remove(ERROR);
    }

    /** @param text what went wrong */
    void error(String text) {
        status.setText(text);
        if (!status.getStyleClass().contains(ERROR)) {
            status.getStyleClass().add(ERROR);
        }
    }

    /** @param text what the latest snapshot holds */
    void summary(String text) {
        summary.setText(text);
    }
}
