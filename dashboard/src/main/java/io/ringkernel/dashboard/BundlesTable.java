package io.ringkernel.dashboard;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The deployed kernel bundles. */
final class BundlesTable {
    private final TableView<DeployedBundle> table = new TableView<>();

    /** Builds the table, empty. */
    BundlesTable() {
        table.setId("bundles");
        table.setPlaceholder(new Label("No kernel bundles deployed"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Bundle", DeployedBundle::symbolicName),
                column("Version", DeployedBundle::version),
                column("State", DeployedBundle::state),
                column("Definitions", bundle -> String.join(", ", bundle.definitionIds()))));
    }

    /** @return the table */
    TableView<DeployedBundle> view() {
        return table;
    }

    /** @param bundles the deployed bundles; the rows are replaced only when they changed */
    void apply(List<DeployedBundle> bundles) {
        if (!bundles.equals(table.getItems())) {
            table.getItems().setAll(bundles);
        }
    }

    private static TableColumn<DeployedBundle, String> column(String title, Function<DeployedBundle, String> value) {
        TableColumn<DeployedBundle, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        return column;
    }
}
