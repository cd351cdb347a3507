package io.ringkernel.dashboard;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;

/**
 * Where everything sits: the toolbar on top; the kernels table beside tabs of charts, backends
 * and bundles; the event log below them; the status bar at the bottom.
 */
final class DashboardLayout {

    private DashboardLayout() {
    }

    /**
     * @param root the window's root, filled here
     * @param toolbar the toolbar
     * @param kernels the kernels table
     * @param charts the selected kernel's charts
     * @param backends the backends panel
     * @param bundles the bundles table
     * @param log the event log
     * @param status the status bar
     */
    static void fill(BorderPane root, ToolBar toolbar, KernelTable kernels, KernelCharts charts, BackendsPanel backends,
                     BundlesTable bundles, EventLog log, StatusBar status) {
        TabPane details = new TabPane(
                tab("Charts", charts.view()),
                tab("Backends", backends.view()),
                tab("Bundles", bundles.view()));
        details.setId("details");
        SplitPane top = new SplitPane(kernels.view(), details);
        top.setDividerPositions(0.7);
        SplitPane center = new SplitPane(top, log.view());
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.72);
        root.setTop(toolbar);
        root.setCenter(center);
        root.setBottom(status.view());
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }
}
