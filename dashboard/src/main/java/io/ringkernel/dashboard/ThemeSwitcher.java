package io.ringkernel.dashboard;

import java.net.URL;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

/** Switches the dashboard between its light and dark stylesheets. */
final class ThemeSwitcher {

    /** The themes, each a stylesheet next to this class. */
    enum Theme {
        /** Dark text on light backgrounds. */
        LIGHT("light.css"),
        /** Light text on dark backgrounds. */
        DARK("dark.css");

        private final String stylesheet;

        Theme(String stylesheet) {
            this.stylesheet = stylesheet;
        }

        /** @return the other theme */
        Theme other() {
            return this == LIGHT ? DARK : LIGHT;
        }
    }

    private static final String BASE = "dashboard.css";

    private final ObservableList<String> stylesheets;
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme");

    /**
     * Applies the light theme.
     *
     * @param stylesheets the stylesheets of the dashboard's root node
     */
    ThemeSwitcher(ObservableList<String> stylesheets) {
        this.stylesheets = stylesheets;
        apply(Theme.LIGHT);
    }

    /** Switches to the other theme. */
    void toggle() {
        apply(theme.get().other());
    }

    /** @param value the theme to show */
    void apply(Theme value) {
        stylesheets.setAll(url(BASE), url(value.stylesheet));
        theme.set(value);
    }

    /** @return the theme shown */
    ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    private String url(String stylesheet) {
        URL resource = Objects.requireNonNull(getClass().getResource(stylesheet), () -> "missing stylesheet " + stylesheet);
        return resource.toExternalForm();
    }
}
