package io.ringkernel.dashboard;

import java.util.function.Function;
import javafx.scene.control.TableCell;

/**
 * A right-aligned number, written by a formatter.
 *
 * @param <S> the table's row type
 */
final class NumberCell<S> extends TableCell<S, Number> {
    private final Function<Number, String> format;

    /** @param format writes the number */
    NumberCell(Function<Number, String> format) {
        this.format = format;
        getStyleClass().add("numeric");
    }

    @Override
    protected void updateItem(Number value, boolean empty) {
        super.updateItem(value, empty);
        setText(empty || value == null ? null : format.apply(value));
    }
}
