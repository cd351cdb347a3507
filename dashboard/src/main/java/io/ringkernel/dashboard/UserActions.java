package io.ringkernel.dashboard;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The user's side of each action: which kernel it is for, the dialogs, the confirmation and the
 * file chooser it needs, before {@link KernelActions} runs it. Call on the JavaFX thread.
 */
final class UserActions {
    private static final ButtonType TERMINATE = new ButtonType("Terminate", ButtonBar.ButtonData.OK_DONE);

    private final KernelActions actions;
    private final KernelTable kernels;
    private final Supplier<List<String>> definitionIds;
    private final Window owner;
    private final StatusBar status;
    private final JarChooser jars;

    /**
     * @param actions runs the actions
     * @param kernels the kernels table, whose selection the kernel actions apply to
     * @param definitionIds the definitions that can be launched now
     * @param owner the dashboard's window
     * @param status where a missing selection is reported
     * @param jars asks for the bundles to deploy
     */
    UserActions(KernelActions actions, KernelTable kernels, Supplier<List<String>> definitionIds, Window owner,
                StatusBar status, JarChooser jars) {
        this.actions = actions;
        this.kernels = kernels;
        this.definitionIds = definitionIds;
        this.owner = owner;
        this.status = status;
        this.jars = jars;
    }

    /** Activates the selected kernel. */
    void activate() {
        selectedKernel().ifPresent(actions::activate);
    }

    /** Deactivates the selected kernel. */
    void deactivate() {
        selectedKernel().ifPresent(actions::deactivate);
    }

    /** Terminates the selected kernel once the user confirms. */
    void terminate() {
        selectedKernel().filter(this::confirmTerminate).ifPresent(actions::terminate);
    }

    /** Asks for a kernel id and a definition, and launches it. */
    void launch() {
        LaunchDialog.ask(owner, definitionIds.get())
                .ifPresent(request -> actions.launch(request.kernelId(), request.definitionId()));
    }

    /** Asks for a test message and sends it to the selected kernel. */
    void message() {
        selectedKernel().ifPresent(kernelId -> MessageDialog.ask(owner, kernelId)
                .ifPresent(request -> actions.message(kernelId, request.typeId(), request.words())));
    }

    /** Asks for kernel bundle jars and deploys them. */
    void deploy() {
        jars.choose(owner).forEach(actions::deploy);
    }

    private Optional<String> selectedKernel() {
        Optional<String> kernelId = kernels.selectedKernelId();
        if (kernelId.isEmpty()) {
            status.info("Select a kernel first");
        }
        return kernelId;
    }

    private boolean confirmTerminate(String kernelId) {
        Alert confirmation = Dialogs.prepare(new Alert(Alert.AlertType.CONFIRMATION), owner, "Terminate " + kernelId);
        confirmation.setHeaderText("Terminate " + kernelId + "?");
        confirmation.setContentText("Its queued messages fail back to their senders; it cannot be activated again.");
        confirmation.getButtonTypes().setAll(TERMINATE, ButtonType.CANCEL);
        confirmation.getDialogPane().lookupButton(TERMINATE).setId("confirmTerminate");
        return confirmation.showAndWait().filter(TERMINATE::equals).isPresent();
    }
}
