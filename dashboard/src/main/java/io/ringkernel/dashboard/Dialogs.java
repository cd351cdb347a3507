package io.ringkernel.dashboard;

import javafx.scene.control.Dialog;
import javafx.stage.Window;

/** What every dashboard dialog shares: its owner and the owner's theme. */
final class Dialogs {

    private Dialogs() {
    }

    /**
     * @param dialog a new dialog
     * @param owner the dashboard's window
     * @param title the dialog's title
     * @param <D> the dialog's type
     * @return the dialog, owned by the window and styled like it
     */
    static <D extends Dialog<?>> D prepare(D dialog, Window owner, String title) {
        dialog.initOwner(owner);
        dialog.setTitle(title);
        if (owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getRoot().getStylesheets());
        }
        return dialog;
    }
}
