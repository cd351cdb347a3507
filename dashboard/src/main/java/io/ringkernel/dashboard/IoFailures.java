package io.ringkernel.dashboard;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Says in words why a file operation failed, for the status bar. */
final class IoFailures {

    private IoFailures() {
    }

    /**
     * @param failure what a file operation threw
     * @return why, with the file it names, e.g. "no such file: /tmp/kernels.jar"
     */
    static String reason(IOException failure) {
        if (failure instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (failure instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (failure instanceof FileSystemException other && other.getReason() != null) {
            String files = other.getOtherFile() == null ? other.getFile() : other.getFile() + " → " + other.getOtherFile();
            return other.getReason() + ": " + files;
        }
        String name = failure.getClass().getSimpleName();
        return failure.getMessage() == null ? name : name + ": " + failure.getMessage();
    }
}
