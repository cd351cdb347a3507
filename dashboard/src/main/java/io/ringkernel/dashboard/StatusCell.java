package io.ringkernel.dashboard;

import io.ringkernel.api.KernelStatus;
import javafx.scene.control.TableCell;

/** Shows a kernel's state as its glyph and its name. */
final class StatusCell extends TableCell<KernelRow, KernelStatus> {

    @Override
    protected void updateItem(KernelStatus status, boolean empty) {
        super.updateItem(status, empty);
        if (empty || status == null) {
            setText(null);
            setGraphic(null);
        } else {
            setText(status.name());
            setGraphic(StatusGlyph.of(status));
        }
    }
}
