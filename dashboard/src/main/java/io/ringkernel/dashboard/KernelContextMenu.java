package io.ringkernel.dashboard;

import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;

/** The kernels table's context menu: the same commands as the toolbar. */
final class KernelContextMenu {

    private KernelContextMenu() {
    }

    /**
     * @param commands the actions
     * @param noKernel true while no kernel is selected; disables the kernel commands
     * @return the menu
     */
    static ContextMenu create(List<Command> commands, ObservableBooleanValue noKernel) {
        ContextMenu menu = new ContextMenu();
        for (Command command : commands) {
            MenuItem item = new MenuItem(command.label() + "    " + command.key().getDisplayText());
            item.setId(command.id() + "Item");
            item.setOnAction(event -> command.action().run());
            if (command.needsKernel()) {
                item.disableProperty().bind(noKernel);
            }
            menu.getItems().add(item);
        }
        return menu;
    }
}
