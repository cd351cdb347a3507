package io.ringkernel.dashboard;

import javafx.scene.input.KeyCombination;

/**
 * One action as the toolbar, the table's context menu and the keyboard offer it.
 *
 * @param id the toolbar button's node id
 * @param label its text
 * @param key its shortcut
 * @param needsKernel whether it acts on the selected kernel, and is disabled while none is
 * @param action what it does, on the JavaFX thread
 */
record Command(String id, String label, KeyCombination key, boolean needsKernel, Runnable action) {
}
