package io.ringkernel.backend.opencl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The OpenCL drivers (ICDs) that the ICD loader loads, found where the loader looks for them:
 * the libraries named in {@code OCL_ICD_FILENAMES}, then those named by the {@code *.icd} files
 * in {@code OCL_ICD_VENDORS} (a folder or one file) or else in {@code /etc/OpenCL/vendors}, as
 * ocl-icd does.
 */
final class IcdLibraries {
    static final String FILENAMES = "OCL_ICD_FILENAMES";
    static final String VENDORS = "OCL_ICD_VENDORS";
    private static final Path DEFAULT_VENDORS = Path.of("/etc/OpenCL/vendors");

    private IcdLibraries() {
    }

    /**
     * @param environment the environment to read the variables from
     * @return the libraries, in the order the loader meets them, each once
     */
    static List<String> of(Map<String, String> environment) {
        Set<String> libraries = new LinkedHashSet<>();
        String filenames = environment.getOrDefault(FILENAMES, "");
        for (String library : filenames.split(":")) {
            if (!library.isBlank()) {
                libraries.add(library.strip());
            }
        }
        String vendors = environment.get(VENDORS);
        libraries.addAll(named(vendors == null ? DEFAULT_VENDORS : Path.of(vendors)));
        return List.copyOf(libraries);
    }

    /**
     * @param library one of {@link #of}
     * @return the variables that make ocl-icd (the loader of Debian, Ubuntu and their kin) load that
     *         library alone: releases that read {@code OCL_ICD_VENDORS} as a library load it from
     *         there (2.3.1 does), the others from {@code OCL_ICD_FILENAMES}, and it is listed once
     */
    static Map<String, String> only(String library) {
        return Map.of(VENDORS, library, FILENAMES, library);
    }

    private static List<String> named(Path vendors) {
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(vendors)) {
            files.add(vendors);
        } else if (Files.isDirectory(vendors)) {
            try (Stream<Path> listed = Files.list(vendors)) {
                listed.filter(file -> file.getFileName().toString().endsWith(".icd")).sorted().forEach(files::add);
            } catch (IOException e) {
                return List.of();
            }
        }
        List<String> libraries = new ArrayList<>();
        for (Path file : files) {
            firstLine(file).ifPresent(libraries::add);
        }
        return libraries;
    }

    /** @return the library an {@code .icd} file names, or empty if it cannot be read or names none, as the loader skips it */
    private static Optional<String> firstLine(Path icd) {
        try {
            return Files.readString(icd, StandardCharsets.UTF_8).lines().map(String::strip).filter(line -> !line.isEmpty())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
