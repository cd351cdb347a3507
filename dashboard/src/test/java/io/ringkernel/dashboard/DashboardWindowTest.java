package io.ringkernel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.RingKernelRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

@ExtendWith(ApplicationExtension.class)
class DashboardWindowTest {
    private static final DeployedBundle BUNDLE =
            new DeployedBundle("io.example.kernels", "1.2.0", "ACTIVE", List.of("echo", "sink"));
    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private Path deployDirectory;
    private RingKernelRuntime runtime;
    private DashboardWindow window;

    @Start
    void start(Stage stage) throws IOException {
        deployDirectory = Files.createDirectory(temp.resolve("deploy"));
        runtime = EchoRuntime.start();
        runtime.launch("k1", EchoRuntime.echo());
        runtime.launch("k2", EchoRuntime.echo());
        window = DashboardWindow.show(stage, new LocalSource(runtime, Optional.of(deployDirectory), () -> List.of(BUNDLE)));
    }

    @AfterEach
    void stop() {
        robot.interact(window::close);
        runtime.close();
    }

    @Test
    void showsTheLaunchedKernelsAndFollowsAStateChangeMadeThroughTheRuntime() throws TimeoutException {
        Fx.waitUntil(() -> status("k1") == KernelStatus.ACTIVE && status("k2") == KernelStatus.ACTIVE);

        runtime.deactivate("k1");

        Fx.waitUntil(() -> status("k1") == KernelStatus.DEACTIVATED);
        assertThat(Fx.read(() -> status("k2"))).isEqualTo(KernelStatus.ACTIVE);
    }

    @Test
    void theEventLogRecordsAStateChange() throws TimeoutException {
        Fx.waitUntil(() -> status("k1") == KernelStatus.ACTIVE);

        runtime.deactivate("k1");

        Fx.waitUntil(() -> log().stream().anyMatch(entry -> entry.kernelId().equals("k1")
                && entry.text().equals("state ACTIVE → DEACTIVATED")));
    }

    @Test
    void toolbarActionsReachTheRuntime() throws TimeoutException {
        selectKernel("k1");

        robot.clickOn("#deactivate");
        Fx.waitUntil(() -> runtime.status("k1") == KernelStatus.DEACTIVATED);
        robot.clickOn("#activate");
        Fx.waitUntil(() -> runtime.status("k1") == KernelStatus.ACTIVE);
        robot.clickOn("#terminate");
        robot.clickOn("#confirmTerminate");
        Fx.waitUntil(() -> runtime.status("k1") == KernelStatus.TERMINATED);

        assertThat(runtime.status("k2")).isEqualTo(KernelStatus.ACTIVE);
        Fx.waitUntil(() -> statusText().equals("k1 terminated"));
    }

    @Test
    void cancellingTheConfirmationKeepsTheKernel() throws TimeoutException {
        selectKernel("k1");

        robot.clickOn("#terminate");
        robot.clickOn("Cancel");

        assertThat(runtime.status("k1")).isEqualTo(KernelStatus.ACTIVE);
    }

    @Test
    void keysActOnTheSelectedKernelWhenTheTableHasTheFocus() throws TimeoutException {
        selectKernel("k2");

        robot.type(KeyCode.D);
        Fx.waitUntil(() -> runtime.status("k2") == KernelStatus.DEACTIVATED);
        robot.type(KeyCode.A);
        Fx.waitUntil(() -> runtime.status("k2") == KernelStatus.ACTIVE);
    }

    @Test
    void launchingUnderAnIdInUseShowsTheRuntimesError() throws TimeoutException {
        String expected = messageOf(() -> runtime.launch("k1", EchoRuntime.echo()));

        robot.clickOn("#launch");
        robot.clickOn("#launchId").write("k1");
        robot.clickOn("#launchConfirm");

        Fx.waitUntil(() -> statusText().contains(expected) && statusNode().getStyleClass().contains("error"));
        assertThat(Fx.read(() -> log().get(0))).satisfies(entry -> {
            assertThat(entry.failure()).isTrue();
            assertThat(entry.text()).contains(expected);
        });
    }

    @Test
    void launchingFromTheDialogStartsAKernel() throws TimeoutException {
        robot.clickOn("#launch");
        robot.clickOn("#launchId").write("k3");
        robot.clickOn("#launchConfirm");

        Fx.waitUntil(() -> status("k3") == KernelStatus.ACTIVE);
        assertThat(runtime.listKernels()).contains("k3");
    }

    @Test
    void aTestMessageShowsTheReply() throws TimeoutException {
        selectKernel("k1");

        sendMessage("1", "7 3");

        Fx.waitUntil(() -> statusText().contains("sequence=7") && statusText().contains("sender=3"));
        assertThat(Fx.read(() -> log().get(0).text())).contains("reply from k1").contains("sequence=7");
    }

    @Test
    void aTestMessageOfAnUnknownTypeShowsTheError() throws TimeoutException {
        selectKernel("k1");

        sendMessage("99", "7 3");

        Fx.waitUntil(() -> statusText().contains("has no message type 99")
                && statusNode().getStyleClass().contains("error"));
        assertThat(Fx.read(() -> log().get(0))).satisfies(entry -> {
            assertThat(entry.failure()).isTrue();
            assertThat(entry.text()).contains("has no message type 99");
        });
    }

    @Test
    void theFilterNarrowsTheRowsByIdAndByState() throws TimeoutException {
        Fx.waitUntil(() -> kernels().getItems().size() == 2);

        robot.clickOn("#filter").write("K2");
        Fx.waitUntil(() -> rowIds().equals(List.of("k2")));

        robot.doubleClickOn("#filter").eraseText(2).write("deact");
        Fx.waitUntil(() -> rowIds().isEmpty());
        runtime.deactivate("k1");
        Fx.waitUntil(() -> rowIds().equals(List.of("k1")));

        robot.doubleClickOn("#filter").eraseText(5);
        Fx.waitUntil(() -> kernels().getItems().size() == 2);
    }

    @Test
    void aDeployedJarLandsInTheDeployFolder() throws IOException, TimeoutException {
        Path jar = Files.write(temp.resolve("kernels.jar"), new byte[] {'P', 'K', 3, 4});

        robot.interact(() -> window.actions().deploy(jar));

        Fx.waitUntil(() -> statusText().startsWith("kernels.jar deployed to"));
        assertThat(deployDirectory.resolve("kernels.jar")).hasBinaryContent(new byte[] {'P', 'K', 3, 4});
    }

    @Test
    void aFileThatIsNoJarIsRefused() throws IOException, TimeoutException {
        Path notes = Files.writeString(temp.resolve("notes.txt"), "not a bundle");

        robot.interact(() -> window.actions().deploy(notes));

        Fx.waitUntil(() -> statusText().equals("deploy refused: notes.txt is not a .jar file")
                && statusNode().getStyleClass().contains("error"));
        assertThat(Fx.read(() -> log().get(0).failure())).isTrue();
        try (var files = Files.list(deployDirectory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void shortcutsFocusTheFilterAndSwitchTheTheme() {
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(Fx.read(() -> robot.lookup("#filter").query().isFocused())).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        assertThat(Fx.read(() -> robot.lookup("#dashboard").queryParent().getStylesheets()))
                .anyMatch(sheet -> sheet.endsWith("dark.css"));
        assertThat(Fx.read(() -> robot.lookup("#theme").queryButton().getText())).isEqualTo("Light theme");
    }

    @Test
    void theChartsFollowTheSelectedKernel() throws TimeoutException {
        assertThat(Fx.read(() -> firstSeries("#throughputChart").getData())).isEmpty();

        selectKernel("k1");

        Fx.waitUntil(() -> firstSeries("#throughputChart").getData().size() >= 2
                && firstSeries("#depthChart").getData().size() >= 2
                && firstSeries("#latencyChart").getData().size() >= 2);
        robot.interact(() -> kernels().getSelectionModel().clearSelection());
        assertThat(Fx.read(() -> firstSeries("#latencyChart").getData())).isEmpty();
    }

    @Test
    void showsTheBackendsAndTheDeployedBundles() throws TimeoutException {
        Fx.waitUntil(() -> !robot.lookup("#backends").<TreeView<String>>query().getRoot().getChildren().isEmpty());
        assertThat(Fx.read(() -> robot.lookup("#backends").<TreeView<String>>query().getRoot().getChildren()
                .stream().map(TreeItem::getValue).toList()))
                .anyMatch(backend -> backend.startsWith("CPU") && backend.endsWith("available"));

        Fx.waitUntil(() -> robot.lookup("#bundles").<DeployedBundle>queryTableView().getItems().equals(List.of(BUNDLE)));
    }

    private XYChart.Series<Number, Number> firstSeries(String chartId) {
        return robot.lookup(chartId).<LineChart<Number, Number>>query().getData().get(0);
    }

    private void selectKernel(String kernelId) throws TimeoutException {
        Fx.waitUntil(() -> status(kernelId) == KernelStatus.ACTIVE);
        robot.clickOn(robot.from(kernels()).lookup(LabeledMatchers.hasText(kernelId)).<Node>query());
        Fx.waitUntil(() -> Optional.ofNullable(kernels().getSelectionModel().getSelectedItem())
                .map(KernelRow::kernelId).filter(kernelId::equals).isPresent());
    }

    private void sendMessage(String typeId, String words) {
        robot.clickOn("#message");
        robot.doubleClickOn("#messageType").write(typeId);
        robot.clickOn("#messageWords").write(words);
        robot.clickOn("#messageSend");
    }

    private static String messageOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(call).satisfies(failure -> thrown[0] = failure);
        return thrown[0].getMessage();
    }

    private TableView<KernelRow> kernels() {
        return robot.lookup("#kernels").queryTableView();
    }

    private KernelStatus status(String kernelId) {
        return kernels().getItems().stream().filter(row -> row.kernelId().equals(kernelId))
                .map(row -> row.statusProperty().get()).findFirst().orElse(null);
    }

    private List<String> rowIds() {
        return kernels().getItems().stream().map(KernelRow::kernelId).toList();
    }

    private List<LogEntry> log() {
        return robot.lookup("#eventLog").<LogEntry>queryTableView().getItems();
    }

    private Label statusNode() {
        return robot.lookup("#status").queryAs(Label.class);
    }

    private String statusText() {
        return statusNode().getText();
    }
}
