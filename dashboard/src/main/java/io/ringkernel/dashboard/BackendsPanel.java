package io.ringkernel.dashboard;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.DeviceInfo;
import java.util.List;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** The installed backends, available or why not, and their devices. */
final class BackendsPanel {
    private final TreeView<String> tree = new TreeView<>(new TreeItem<>("Backends"));
    private List<BackendInfo> shown = List.of();

    /** Builds the panel, empty. */
    BackendsPanel() {
        tree.setId("backends");
        tree.setShowRoot(false);
    }

    /** @return the tree of backends and devices */
    TreeView<String> view() {
        return tree;
    }

    /** @param backends every installed backend; the tree is rebuilt only when they changed */
    void apply(List<BackendInfo> backends) {
        if (backends.equals(shown)) {
            return;
        }
        shown = backends;
        tree.getRoot().getChildren().setAll(backends.stream().map(BackendsPanel::backendItem).toList());
    }

    private static TreeItem<String> backendItem(BackendInfo backend) {
        String availability = backend.available() ? "available" : "unavailable: " + backend.unavailableReason();
        TreeItem<String> item = new TreeItem<>(backend.type() + " (" + backend.name() + ") — " + availability);
        item.getChildren().setAll(backend.devices().stream().map(BackendsPanel::deviceItem).toList());
        item.setExpanded(true);
        return item;
    }

    private static TreeItem<String> deviceItem(DeviceInfo device) {
        return new TreeItem<>("#" + device.index() + " " + device.name() + " — " + device.computeUnits()
                + " compute units, " + Formats.bytes(device.memoryBytes()));
    }
}
