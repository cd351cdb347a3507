package io.ringkernel.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The event log: newest first, at most {@link #CAPACITY} entries, failures marked. */
final class EventLog {
    /** How many entries the log keeps. */
    static final int CAPACITY = 1_000;

    private static final PseudoClass FAILURE = PseudoClass.getPseudoClass("failure");

    private final TableView<LogEntry> table = new TableView<>();

    /** Builds the log, empty. */
    EventLog() {
        table.setId("eventLog");
        table.setPlaceholder(new Label("No events yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(LogEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                pseudoClassStateChanged(FAILURE, !empty && entry != null && entry.failure());
            }
        });
        table.getColumns().setAll(List.of(
                column("Time", entry -> Formats.clock(entry.time()), 100),
                column("Kernel", LogEntry::kernelId, 140),
                column("Event", LogEntry::text, 400)));
    }

    /** @return the log's table */
    TableView<LogEntry> view() {
        return table;
    }

    /** @param entry a new entry, shown on top */
    void add(LogEntry entry) {
        add(List.of(entry));
    }

    /** @param entries new entries in the order they happened; the last one ends up on top */
    void add(List<LogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<LogEntry> newestFirst = new ArrayList<>(entries);
        Collections.reverse(newestFirst);
        ObservableList<LogEntry> items = table.getItems();
        items.addAll(0, newestFirst.subList(0, Math.min(newestFirst.size(), CAPACITY)));
        if (items.size() > CAPACITY) {
            items.remove(CAPACITY, items.size());
        }
    }

    private static TableColumn<LogEntry, String> column(String title, Function<LogEntry, String> value, double width) {
        TableColumn<LogEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
