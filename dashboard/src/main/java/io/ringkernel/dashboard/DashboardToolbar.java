package io.ringkernel.dashboard;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The toolbar: one button per command, the theme switch, and the kernels filter. */
final class DashboardToolbar {

    private DashboardToolbar() {
    }

    /**
     * @param commands the actions, each a button with the command's id
     * @param noKernel true while no kernel is selected; disables the kernel commands
     * @param theme switches the theme
     * @param kernels the kernels table, whose filter field the toolbar holds
     * @return the toolbar
     */
    static ToolBar create(List<Command> commands, ObservableBooleanValue noKernel, ThemeSwitcher theme,
                          KernelTable kernels) {
        ToolBar toolbar = new ToolBar();
        for (Command command : commands) {
            Button button = button(command.id(), command.label(), command.key().getDisplayText(), command.action());
            if (command.needsKernel()) {
                button.disableProperty().bind(noKernel);
            }
            toolbar.getItems().add(button);
        }
        Button themeButton = button("theme", "", Commands.shortcut(KeyCode.T).getDisplayText(),
                theme::toggle);
        themeButton.textProperty().bind(Bindings.createStringBinding(
                () -> theme.themeProperty().get() == ThemeSwitcher.Theme.LIGHT ? "Dark theme" : "Light theme",
                theme.themeProperty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        kernels.filterField().setPrefColumnCount(24);
        toolbar.getItems().addAll(new Separator(), themeButton, spacer, kernels.filterField());
        return toolbar;
    }

    private static Button button(String id, String label, String shortcut, Runnable action) {
        Button button = new Button(label);
        button.setId(id);
        button.setTooltip(new Tooltip(shortcut));
        button.setOnAction(event -> action.run());
        return button;
    }
}
