package io.ringkernel.dashboard;

import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelStatus;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/**
 * The kernels table and its filter field. Rows are kept per kernel id and updated in place; the
 * table shows them filtered, then sorted by the columns the user picked.
 */
final class KernelTable {
    private final KernelRowList rows = new KernelRowList();
    private final FilteredList<KernelRow> filtered = new FilteredList<>(rows);
    private final TableView<KernelRow> table = new TableView<>();
    private final TextField filter = new TextField();

    /** Builds the table and the filter field, both empty. */
    KernelTable() {
        filter.setId("filter");
        filter.setPromptText("Filter by id, backend or state (Ctrl+F)");
        filtered.predicateProperty().bind(Bindings.createObjectBinding(
                () -> KernelFilter.matching(filter.getText()), filter.textProperty()));
        SortedList<KernelRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("kernels");
        table.setItems(sorted);
        table.setPlaceholder(new Label("No kernels"));
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                textColumn("Kernel", KernelRow::kernelIdProperty, 110),
                textColumn("Backend", KernelRow::backendProperty, 70),
                textColumn("Device", KernelRow::deviceProperty, 110),
                statusColumn(),
                numberColumn("Processed", KernelRow::processedProperty, Formats::count),
                numberColumn("In depth", KernelRow::inputDepthProperty, Formats::count),
                numberColumn("Out depth", KernelRow::outputDepthProperty, Formats::count),
                numberColumn("Msg/s", KernelRow::throughputProperty, Formats::decimal),
                numberColumn("p50 µs", KernelRow::p50MicrosProperty, Formats::decimal),
                numberColumn("p99 µs", KernelRow::p99MicrosProperty, Formats::decimal),
                numberColumn("Errors", KernelRow::errorsProperty, Formats::count)));
    }

    /**
     * Brings the rows up to date: known kernels' rows are updated in place, new kernels get a row,
     * gone ones lose theirs.
     *
     * @param kernels every kernel's metrics
     */
    void apply(List<KernelMetrics> kernels) {
        Map<String, KernelMetrics> unseen = new LinkedHashMap<>();
        kernels.forEach(kernel -> unseen.put(kernel.kernelId(), kernel));
        BitSet updated = new BitSet();
        BitSet gone = new BitSet();
        for (int i = 0; i < rows.size(); i++) {
            KernelMetrics kernel = unseen.remove(rows.get(i).kernelId());
            if (kernel == null) {
                gone.set(i);
            } else if (rows.get(i).update(kernel)) {
                updated.set(i);
            }
        }
        rows.updated(updated);
        for (int i = gone.length() - 1; i >= 0; i = gone.previousSetBit(i - 1)) {
            rows.remove(i);
        }
        rows.addAll(unseen.values().stream().map(KernelTable::newRow).toList());
    }

    private static KernelRow newRow(KernelMetrics kernel) {
        KernelRow row = new KernelRow(kernel.kernelId());
        row.update(kernel);
        return row;
    }

    /** @return the table */
    TableView<KernelRow> view() {
        return table;
    }

    /** @return the filter field */
    TextField filterField() {
        return filter;
    }

    /** @return the selected row, null when none is */
    ReadOnlyObjectProperty<KernelRow> selectedRow() {
        return table.getSelectionModel().selectedItemProperty();
    }

    /** @return the selected kernel's id, if a row is selected */
    Optional<String> selectedKernelId() {
        return Optional.ofNullable(selectedRow().get()).map(KernelRow::kernelId);
    }

    private static TableColumn<KernelRow, String> textColumn(String title,
                                                            Function<KernelRow, ObservableValue<String>> value,
                                                            double width) {
        TableColumn<KernelRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setMinWidth(width);
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<KernelRow, KernelStatus> statusColumn() {
        TableColumn<KernelRow, KernelStatus> column = new TableColumn<>("State");
        column.setCellValueFactory(cell -> cell.getValue().statusProperty());
        column.setCellFactory(table -> new StatusCell());
        column.setMinWidth(115);
        return column;
    }

    private static TableColumn<KernelRow, Number> numberColumn(String title,
                                                              Function<KernelRow, ObservableValue<Number>> value,
                                                              Function<Number, String> format) {
        TableColumn<KernelRow, Number> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setCellFactory(table -> new NumberCell<>(format));
        column.setMinWidth(66);
        column.getStyleClass().add("numeric");
        return column;
    }
}
