package io.ringkernel.dashboard;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The dashboard's actions on kernels and bundles, with their shortcuts. */
final class Commands {

    private Commands() {
    }

    /** @param actions what the commands do @return the commands, in toolbar order */
    static List<Command> of(UserActions actions) {
        return List.of(
                new Command("activate", "Activate", new KeyCodeCombination(KeyCode.A), true, actions::activate),
                new Command("deactivate", "Deactivate", new KeyCodeCombination(KeyCode.D), true, actions::deactivate),
                new Command("terminate", "Terminate…", new KeyCodeCombination(KeyCode.DELETE), true, actions::terminate),
                new Command("message", "Test message…", shortcut(KeyCode.M), true, actions::message),
                new Command("launch", "Launch…", shortcut(KeyCode.L), false, actions::launch),
                new Command("deploy", "Deploy bundle…", shortcut(KeyCode.O), false, actions::deploy));
    }

    /** @param key a key @return the key with Ctrl (Cmd on macOS) */
    static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }
}
