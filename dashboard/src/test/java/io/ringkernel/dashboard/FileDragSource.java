package io.ringkernel.dashboard;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;

/**
 * A label added to the dashboard's status bar that starts a real drag-and-drop gesture carrying
 * one file, as a file manager would. It sits in the window it is dropped on because Monocle's
 * headless mouse keeps sending a held button's events to the window where it was pressed: a drag
 * from a second window never reaches another one.
 */
final class FileDragSource {
    /** The id of the label to drag from. */
    static final String ID = "fileDragSource";

    private final AtomicReference<ClipboardContent> carried = new AtomicReference<>();

    /**
     * Adds the label to the end of the status bar. Call on the JavaFX thread.
     *
     * @param dashboard the dashboard's scene
     */
    void addTo(Scene dashboard) {
        Label label = new Label("drag me");
        label.setId(ID);
        label.setMinWidth(120);
        label.setOnDragDetected(event -> {
            Dragboard dragboard = label.startDragAndDrop(TransferMode.COPY);
            dragboard.setContent(carried.get());
            event.consume();
        });
        ((Pane) dashboard.lookup("#status").getParent()).getChildren().add(label);
    }

    /** @param dragged the file the next gesture carries */
    void carry(Path dragged) {
        ClipboardContent content = new ClipboardContent();
        content.putFiles(List.of(new File(dragged.toString())));
        carried.set(content);
    }

    /** @param text the text the next gesture carries, and no file */
    void carryText(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        carried.set(content);
    }
}
