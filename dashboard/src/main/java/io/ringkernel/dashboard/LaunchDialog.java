package io.ringkernel.dashboard;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a new kernel's id and the definition to launch it from. */
final class LaunchDialog {
    private static final ButtonType LAUNCH = new ButtonType("Launch", ButtonBar.ButtonData.OK_DONE);

    /**
     * What the user asked to launch.
     *
     * @param kernelId the new kernel's id
     * @param definitionId the definition to launch
     */
    record Request(String kernelId, String definitionId) {
    }

    private LaunchDialog() {
    }

    /**
     * Shows the dialog and waits for the user.
     *
     * @param owner the dashboard's window
     * @param definitionIds the definitions that can be launched
     * @return what to launch, or empty if the user cancelled
     */
    static Optional<Request> ask(Window owner, List<String> definitionIds) {
        Dialog<Request> dialog = Dialogs.prepare(new Dialog<>(), owner, "Launch a kernel");
        TextField kernelId = new TextField();
        kernelId.setId("launchId");
        kernelId.setPromptText("new kernel id");
        ChoiceBox<String> definition = new ChoiceBox<>(FXCollections.observableArrayList(definitionIds));
        definition.setId("launchDefinition");
        definition.getSelectionModel().selectFirst();
        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.addRow(0, new Label("Kernel id"), kernelId);
        form.addRow(1, new Label("Definition"), definition);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(LAUNCH, ButtonType.CANCEL);
        Node launch = dialog.getDialogPane().lookupButton(LAUNCH);
        launch.setId("launchConfirm");
        launch.disableProperty().bind(kernelId.textProperty().isEmpty().or(definition.valueProperty().isNull()));
        dialog.setResultConverter(button -> button == LAUNCH
                ? new Request(kernelId.getText().strip(), definition.getValue())
                : null);
        Platform.runLater(kernelId::requestFocus);
        return dialog.showAndWait();
    }
}
