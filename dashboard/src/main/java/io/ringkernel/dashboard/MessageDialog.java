package io.ringkernel.dashboard;

import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a test message: its type id and one word per record component. */
final class MessageDialog {
    private static final ButtonType SEND = new ButtonType("Send", ButtonBar.ButtonData.OK_DONE);

    /**
     * The message the user asked to send.
     *
     * @param typeId the message type's wire id
     * @param words one word per record component
     */
    record Request(int typeId, String words) {
    }

    private MessageDialog() {
    }

    /**
     * Shows the dialog and waits for the user.
     *
     * @param owner the dashboard's window
     * @param kernelId the kernel the message goes to
     * @return the message, or empty if the user cancelled
     */
    static Optional<Request> ask(Window owner, String kernelId) {
        Dialog<Request> dialog = Dialogs.prepare(new Dialog<>(), owner, "Test message to " + kernelId);
        dialog.setHeaderText("The reply shows in the status bar and the event log.");
        TextField typeId = new TextField("1");
        typeId.setId("messageType");
        TextField words = new TextField();
        words.setId("messageWords");
        words.setPromptText("one word per record component, e.g. 7 3");
        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.addRow(0, new Label("Type id"), typeId);
        form.addRow(1, new Label("Words"), words);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(SEND, ButtonType.CANCEL);
        Node send = dialog.getDialogPane().lookupButton(SEND);
        send.setId("messageSend");
        send.disableProperty().bind(Bindings.createBooleanBinding(() -> !isInteger(typeId.getText()), typeId.textProperty()));
        dialog.setResultConverter(button -> button == SEND
                ? new Request(Integer.parseInt(typeId.getText().strip()), words.getText().strip())
                : null);
        Platform.runLater(words::requestFocus);
        return dialog.showAndWait();
    }

    private static boolean isInteger(String text) {
        return text.strip().matches("-?\\d{1,9}");
    }
}
