package io.ringkernel.dashboard;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** Deploys the files dropped onto the window; the deploy action refuses anything but a jar. */
final class JarDrop {

    private JarDrop() {
    }

    /**
     * @param scene the dashboard's scene
     * @param deploy deploys one dropped file
     */
    static void install(Scene scene, Consumer<Path> deploy) {
        scene.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        scene.setOnDragDropped(event -> dropped(event, deploy));
    }

    private static void dropped(DragEvent event, Consumer<Path> deploy) {
        boolean files = event.getDragboard().hasFiles();
        if (files) {
            event.getDragboard().getFiles().stream().map(File::toPath).forEach(deploy);
        }
        event.setDropCompleted(files);
        event.consume();
    }
}
