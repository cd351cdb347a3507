package io.ringkernel.dashboard;

import io.ringkernel.api.KernelStatus;
import javafx.scene.control.TableCell;

/** Shows a kernel's state as its glyph and its name; the glyph is rebuilt only when the state changes. */
final class StatusCell extends TableCell<KernelRow, KernelStatus> {
    private KernelStatus shown;

    @Override
    protected void updateItem(KernelStatus status, boolean empty) {
        super.updateItem(status, empty);
        if (empty || status == null) {
            shown = null;
            setText(null);
            setGraphic(null);
        } else if (status != shown) {
            shown = status;
            setText(status.name());
            setGraphic(StatusGlyph.of(status));
        }
    }
}
