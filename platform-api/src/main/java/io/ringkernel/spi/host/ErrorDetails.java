package io.ringkernel.spi.host;

import java.util.regex.Pattern;

/**
 * Keeps the host's file system out of error replies: an error reply goes to whoever sent the
 * message, and an exception's message often names a file (a handler's configuration, a key, a
 * bundle's jar). Absolute paths, Unix and Windows, and {@code file:} URLs become {@code <path>}.
 */
final class ErrorDetails {
    static final String PATH = "<path>";
    private static final Pattern PATHS = Pattern.compile(
            "(?:jar:)?file:\\S+"
            + "|(?<![\\w.:/~-])/(?:[\\w.@+~-]+/)+[\\w.@+~-]*"
            + "|(?<![\\w])[A-Za-z]:\\\\(?:[^\\\\\\s]+\\\\)*[^\\\\\\s,;)]*");

    private ErrorDetails() {
    }

    /** @param detail an error's explanation @return it with every absolute path replaced by {@value #PATH} */
    static String withoutPaths(String detail) {
        return detail == null ? "" : PATHS.matcher(detail).replaceAll(PATH);
    }
}
