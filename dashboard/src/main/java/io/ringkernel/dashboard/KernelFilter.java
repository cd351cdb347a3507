package io.ringkernel.dashboard;

import java.util.Locale;
import java.util.function.Predicate;

/** The kernels table's filter: a case-insensitive substring of a kernel's id, backend or state. */
final class KernelFilter {

    private KernelFilter() {
    }

    /**
     * @param text what the user typed, possibly blank
     * @return the rows it lets through; every row when the text is blank
     */
    static Predicate<KernelRow> matching(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return row -> true;
        }
        return row -> contains(row.kernelId(), needle)
                || contains(row.backendProperty().get(), needle)
                || (row.statusProperty().get() != null && contains(row.statusProperty().get().name(), needle));
    }

    private static boolean contains(String value, String needle) {
        return value.toLowerCase(Locale.ROOT).contains(needle);
    }
}
