package io.ringkernel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.RingKernelRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Deploying a bundle as a user does: a file dragged with the mouse and dropped onto the
 * dashboard, or chosen through the deploy command's file chooser; each outcome shows in the
 * status bar and the event log.
 */
@ExtendWith(ApplicationExtension.class)
class DeployTest {
    private static final byte[] JAR = {'P', 'K', 3, 4, 20, 0, 8, 0};
    /** The light theme's error colour, {@code -rk-error}. */
    private static final Color ERROR_RED = Color.web("#b42318");

    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private final FileDragSource dragSource = new FileDragSource();
    private final Queue<List<Path>> choices = new ArrayDeque<>();
    private Path deployDirectory;
    private RingKernelRuntime runtime;
    private DashboardWindow window;
    /* The latest DRAG_OVER the window saw; its copies share whether a handler accepted the drag. */
    private volatile DragEvent lastDragOver;

    @Start
    void start(Stage stage) throws IOException {
        deployDirectory = Files.createDirectory(temp.resolve("deploy"));
        runtime = EchoRuntime.start();
        JarChooser chooser = owner -> choices.remove();
        window = DashboardWindow.show(stage, new LocalSource(runtime, Optional.of(deployDirectory), List::of), chooser);
        dragSource.addTo(stage.getScene());
        stage.getScene().addEventFilter(DragEvent.DRAG_OVER, event -> lastDragOver = event);
    }

    @AfterEach
    void stop() {
        robot.interact(window::close);
        runtime.close();
    }

    @Test
    void aJarDraggedOntoTheWindowLandsInTheDeployFolder() throws IOException, TimeoutException {
        Path jar = Files.write(temp.resolve("kernels.jar"), JAR);

        drop(jar);

        Fx.waitUntil(() -> statusText().equals("kernels.jar deployed to " + deployDirectory.resolve("kernels.jar")));
        assertThat(lastDragOver.getAcceptedTransferMode()).as("the drag, over the window").isEqualTo(TransferMode.COPY);
        assertThat(deployDirectory.resolve("kernels.jar")).hasBinaryContent(JAR);
        assertThat(Fx.read(() -> status().getStyleClass())).doesNotContain("error");
        assertThat(Fx.read(() -> log().get(0))).satisfies(entry -> {
            assertThat(entry.failure()).isFalse();
            assertThat(entry.text()).startsWith("kernels.jar deployed to");
        });
    }

    @Test
    void aDragThatCarriesNoFileIsNotAcceptedAndDeploysNothing() throws TimeoutException {
        Fx.waitUntil(() -> statusText().startsWith("Connected to"));
        dragSource.carryText("kernels.jar");

        robot.drag("#" + FileDragSource.ID).dropTo("#kernels");

        assertThat(lastDragOver).isNotNull();
        assertThat(lastDragOver.getAcceptedTransferMode()).isNull();
        assertThat(Fx.read(this::log)).hasSize(1);
        assertThat(deployDirectory).isEmptyDirectory();
    }

    @Test
    void aDroppedFileThatIsNoJarIsRefusedInRed() throws IOException, TimeoutException {
        Path notes = Files.writeString(temp.resolve("notes.txt"), "not a bundle");

        drop(notes);

        Fx.waitUntil(() -> statusText().equals("deploy refused: notes.txt is not a .jar file") && inRed());
        assertThat(Fx.read(() -> log().get(0).failure())).isTrue();
        assertThat(deployDirectory).isEmptyDirectory();
    }

    @Test
    void aDroppedJarThatCannotBeReadShowsWhyInRed() throws TimeoutException {
        Path gone = temp.resolve("gone.jar");

        drop(gone);

        Fx.waitUntil(() -> statusText().equals("deploy gone.jar failed: cannot copy " + gone + " into "
                + deployDirectory + ": no such file: " + gone) && inRed());
        assertThat(Fx.read(() -> log().get(0).failure())).isTrue();
        assertThat(deployDirectory).isEmptyDirectory();
    }

    @Test
    void aJarThatCannotBeCopiedShowsWhyInRed() throws IOException, TimeoutException {
        Path jar = Files.write(temp.resolve("kernels.jar"), JAR);
        Files.delete(deployDirectory);

        drop(jar);

        Fx.waitUntil(() -> statusText().equals("deploy kernels.jar failed: the deploy folder " + deployDirectory
                + " does not exist") && inRed());
        assertThat(Fx.read(() -> log().get(0).failure())).isTrue();
        assertThat(deployDirectory).doesNotExist();
    }

    @Test
    void theJarsChosenInTheFileChooserLandInTheDeployFolder() throws IOException, TimeoutException {
        Path first = Files.write(temp.resolve("first.jar"), JAR);
        Path second = Files.write(temp.resolve("second.jar"), new byte[] {'P', 'K', 5, 6});
        choices.add(List.of(first, second));

        robot.clickOn("#deploy");

        Fx.waitUntil(() -> log().size() == 3 && statusText().startsWith("second.jar deployed to"));
        assertThat(deployDirectory.resolve("first.jar")).hasBinaryContent(JAR);
        assertThat(deployDirectory.resolve("second.jar")).hasBinaryContent(new byte[] {'P', 'K', 5, 6});
        assertThat(Fx.read(() -> log().stream().map(LogEntry::text).toList()))
                .anySatisfy(text -> assertThat(text).startsWith("first.jar deployed to"));
    }

    @Test
    void cancellingTheFileChooserDeploysNothing() throws TimeoutException {
        Fx.waitUntil(() -> statusText().startsWith("Connected to"));
        choices.add(List.of());

        robot.clickOn("#deploy");

        Fx.waitUntil(choices::isEmpty);
        robot.interact(() -> { });
        assertThat(Fx.read(this::statusText)).startsWith("Connected to");
        assertThat(Fx.read(this::log)).hasSize(1);
        assertThat(deployDirectory).isEmptyDirectory();
    }

    private void drop(Path file) {
        dragSource.carry(file);
        robot.drag("#" + FileDragSource.ID).dropTo("#kernels");
    }

    /** @return whether the status shows in the light theme's error colour */
    private boolean inRed() {
        return status().getStyleClass().contains("error") && ERROR_RED.equals(status().getTextFill());
    }

    private List<LogEntry> log() {
        return robot.lookup("#eventLog").<LogEntry>queryTableView().getItems();
    }

    private Label status() {
        return robot.lookup("#status").queryAs(Label.class);
    }

    private String statusText() {
        return status().getText();
    }
}
