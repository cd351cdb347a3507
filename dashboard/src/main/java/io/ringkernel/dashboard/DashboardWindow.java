package io.ringkernel.dashboard;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The dashboard's window: a live view of a {@link DashboardSource}, polled ten times a second off
 * the JavaFX thread, with actions on its kernels and bundles.
 *
 * <pre>{@code
 * DashboardWindow window = DashboardWindow.show(stage, new LocalSource(runtime, deployDir, List::of));
 * ...
 * window.close();
 * }</pre>
 */
public final class DashboardWindow {
    private static final String TITLE = "RingKernel dashboard";

    private final Stage stage;
    private final SnapshotPoller poller;
    private final ActionRunner runner;
    private final KernelActions actions;

    private DashboardWindow(Stage stage, SnapshotPoller poller, ActionRunner runner, KernelActions actions) {
        this.stage = stage;
        this.poller = poller;
        this.runner = runner;
        this.actions = actions;
    }

    /**
     * Builds the dashboard in the stage, shows it and starts polling. Call on the JavaFX thread.
     * The source stays open when the window closes: it belongs to the caller.
     *
     * @param stage the stage to show it in
     * @param source what it shows and acts on
     * @return the window
     */
    public static DashboardWindow show(Stage stage, DashboardSource source) {
        return show(stage, source, JarChooser.fileChooser());
    }

    /**
     * As {@link #show(Stage, DashboardSource)}, with another way to ask for the bundles to deploy.
     *
     * @param stage the stage to show it in
     * @param source what it shows and acts on
     * @param jars asks for the bundles the deploy command deploys
     * @return the window
     */
    static DashboardWindow show(Stage stage, DashboardSource source, JarChooser jars) {
        StatusBar status = new StatusBar();
        EventLog log = new EventLog();
        KernelTable kernels = new KernelTable();
        HistoryBook histories = new HistoryBook();
        KernelCharts charts = new KernelCharts(histories, kernels.selectedRow());
        BackendsPanel backends = new BackendsPanel();
        BundlesTable bundles = new BundlesTable();
        SnapshotPresenter presenter = new SnapshotPresenter(kernels, histories, charts, backends, bundles, log, status);
        ActionRunner runner = new ActionRunner(status, log);
        KernelActions actions = new KernelActions(source, runner);
        List<Command> commands = Commands.of(new UserActions(actions, kernels, presenter::definitionIds, stage, status, jars));

        BorderPane root = new BorderPane();
        root.setId("dashboard");
        ThemeSwitcher theme = new ThemeSwitcher(root.getStylesheets());
        BooleanBinding noKernel = kernels.selectedRow().isNull();
        DashboardLayout.fill(root, DashboardToolbar.create(commands, noKernel, theme, kernels), kernels, charts,
                backends, bundles, log, status);
        kernels.view().setContextMenu(KernelContextMenu.create(commands, noKernel));
        Scene scene = new Scene(root, 1280, 800);
        Shortcuts.install(scene, commands, kernels, theme);
        JarDrop.install(scene, actions::deploy);

        SnapshotPoller poller = new SnapshotPoller(source, presenter::apply, presenter::fail);
        DashboardWindow window = new DashboardWindow(stage, poller, runner, actions);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setOnHidden(event -> window.stop());
        stage.show();
        kernels.view().requestFocus();
        runner.run("", "connect", () -> {
            String description = source.describe();
            Platform.runLater(() -> stage.setTitle(TITLE + " — " + description));
            return "Connected to " + description;
        });
        poller.start();
        return window;
    }

    /** Stops polling and closes the stage. Call on the JavaFX thread. */
    public void close() {
        stop();
        stage.close();
    }

    /** @return the actions the toolbar, the context menu, the keyboard and dropped files run */
    KernelActions actions() {
        return actions;
    }

    private void stop() {
        poller.close();
        runner.close();
    }
}
