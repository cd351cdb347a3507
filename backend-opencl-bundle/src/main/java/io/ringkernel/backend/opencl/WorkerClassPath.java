package io.ringkernel.backend.opencl;

import io.ringkernel.api.DeviceInfo;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jocl.CL;

/**
 * The class path of a worker process: the jars (or class folders) that hold this backend, JOCL
 * and the platform API, as their classes' code sources name them. On the class path that is the
 * file itself; in an OSGi framework it is the bundle's location where that is a file
 * ({@code file:…} or Felix's {@code reference:file:…}), as when bundles are installed from a
 * folder.
 */
final class WorkerClassPath {
    private static final String REFERENCE = "reference:";

    private WorkerClassPath() {
    }

    /**
     * @return the class path, entries joined with the path separator
     * @throws IllegalStateException naming the class whose jar is not a file here
     */
    static String find() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : new Class<?>[] {OpenClWorker.class, CL.class, DeviceInfo.class}) {
            entries.add(fileOf(type).toString());
        }
        return entries.stream().collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * @param type a class
     * @return the jar or folder its code source names
     * @throws IllegalStateException if that is not a file here
     */
    static Path fileOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        String text = location == null ? "" : location.toString();
        if (text.startsWith(REFERENCE)) {
            text = text.substring(REFERENCE.length());
        }
        Path file = text.startsWith("file:") ? localFile(text) : null;
        if (file == null || !Files.exists(file)) {
            throw new IllegalStateException("a worker process needs the jar of " + type.getName()
                    + " as a file, but its code source is '" + text + "'");
        }
        return file;
    }

    /** @return the file a {@code file:} URL names, or null if it names none */
    private static Path localFile(String url) {
        try {
            return Path.of(URI.create(url));
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return null;
        }
    }
}
