package io.ringkernel.launcher;

import java.util.Optional;

/**
 * One kernel's row of the launcher's status table (see {@link StatusTable}).
 *
 * @param kernel the kernel id
 * @param state its state, e.g. {@code ACTIVE}
 * @param processed messages its handler processed
 */
record StatusRow(String kernel, String state, long processed) {

    /**
     * @param line a line of output
     * @return the row, or empty if the line is not a kernel's row
     */
    static Optional<StatusRow> parse(String line) {
        String[] cells = line.trim().split("\\s+");
        if (cells.length != 7 || !cells[3].matches("\\d+")) {
            return Optional.empty();
        }
        return Optional.of(new StatusRow(cells[0], cells[1], Long.parseLong(cells[3])));
    }

    /** @return whether the kernel is ACTIVE */
    boolean active() {
        return state.equals("ACTIVE");
    }
}
