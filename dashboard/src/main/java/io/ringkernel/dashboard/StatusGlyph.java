package io.ringkernel.dashboard;

import io.ringkernel.api.KernelStatus;
import java.util.Locale;
import javafx.scene.shape.SVGPath;

/**
 * A small shape per kernel state, so states differ by shape as well as by colour. Its colour
 * comes from the theme through the style classes {@code state-glyph} and {@code state-<state>}.
 */
final class StatusGlyph {

    private StatusGlyph() {
    }

    /** @param status a kernel state @return a new glyph for it */
    static SVGPath of(KernelStatus status) {
        SVGPath glyph = new SVGPath();
        glyph.setContent(outline(status));
        glyph.getStyleClass().addAll("state-glyph", styleClass(status));
        return glyph;
    }

    /** @param status a kernel state @return the style class its glyph and cell carry */
    static String styleClass(KernelStatus status) {
        return "state-" + status.name().toLowerCase(Locale.ROOT);
    }

    private static String outline(KernelStatus status) {
        return switch (status) {
            case CREATED, LAUNCHED -> "M1 0 L11 5 L1 10 Z";
            case ACTIVE -> "M5 0 A5 5 0 1 1 5 10 A5 5 0 1 1 5 0 Z";
            case DEACTIVATED -> "M0 0 H4 V10 H0 Z M6 0 H10 V10 H6 Z";
            case TERMINATING -> "M5 0 L10 5 L5 10 L0 5 Z";
            case TERMINATED -> "M0 0 H10 V10 H0 Z";
            case FAILED -> "M2 0 L5 3 L8 0 L10 2 L7 5 L10 8 L8 10 L5 7 L2 10 L0 8 L3 5 L0 2 Z";
        };
    }
}
