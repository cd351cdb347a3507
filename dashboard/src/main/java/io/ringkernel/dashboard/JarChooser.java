package io.ringkernel.dashboard;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user for kernel bundle jars to deploy. Call on the JavaFX thread.
 */
@FunctionalInterface
interface JarChooser {

    /**
     * @param owner the dashboard's window
     * @return the files the user chose; empty if they cancelled
     */
    List<Path> choose(Window owner);

    /** @return the platform's open dialog, for several files, showing jars */
    static JarChooser fileChooser() {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Deploy kernel bundles");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Kernel bundles (*.jar)", "*.jar"));
            List<File> jars = chooser.showOpenMultipleDialog(owner);
            return jars == null ? List.of() : jars.stream().map(File::toPath).toList();
        };
    }
}
