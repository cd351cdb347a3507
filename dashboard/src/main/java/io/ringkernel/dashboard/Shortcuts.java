package io.ringkernel.dashboard;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The keyboard: Ctrl shortcuts work anywhere in the window; plain keys (A, D, Delete) work while
 * the kernels table has the focus, so typing in a field never triggers them. Ctrl+F jumps to the
 * filter, Enter or Escape in the filter back to the table (Escape also clears it), Ctrl+T
 * switches the theme.
 */
final class Shortcuts {

    private Shortcuts() {
    }

    /**
     * @param scene the dashboard's scene
     * @param commands the actions
     * @param kernels the kernels table
     * @param theme switches the theme
     */
    static void install(Scene scene, List<Command> commands, KernelTable kernels, ThemeSwitcher theme) {
        for (Command command : commands) {
            if (command.key().getShortcut() == KeyCombination.ModifierValue.DOWN) {
                scene.getAccelerators().put(command.key(), command.action());
            }
        }
        scene.getAccelerators().put(Commands.shortcut(KeyCode.T), theme::toggle);
        TextField filter = kernels.filterField();
        scene.getAccelerators().put(Commands.shortcut(KeyCode.F), () -> {
            filter.requestFocus();
            filter.selectAll();
        });
        filter.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                filter.clear();
            }
            if (event.getCode() == KeyCode.ESCAPE || event.getCode() == KeyCode.ENTER) {
                kernels.view().requestFocus();
                event.consume();
            }
        });
        kernels.view().addEventHandler(KeyEvent.KEY_PRESSED, event -> commands.stream()
                .filter(command -> command.key().getShortcut() != KeyCombination.ModifierValue.DOWN)
                .filter(command -> command.key().match(event))
                .findFirst()
                .ifPresent(command -> {
                    command.action().run();
                    event.consume();
                }));
    }
}
