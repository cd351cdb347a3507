package io.ringkernel.integration;

import io.ringkernel.api.BackendType;
import io.ringkernel.conformance.BackendPresence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * Whether an OpenCL ICD is installed here: the OpenCL tests skip without one, unless the
 * environment variable {@code RINGKERNEL_REQUIRE_BACKENDS} names OPENCL (as CI sets it), and then
 * they fail.
 */
final class OpenClIcd {
    /** Where ICD loaders look for vendor files. */
    static final Path VENDORS = Path.of("/etc/OpenCL/vendors");
    /** Why a test skips when none is installed. */
    static final String MISSING = "no OpenCL ICD in " + VENDORS + " (CI installs PoCL: pocl-opencl-icd)";

    private OpenClIcd() {
    }

    /** Skips the calling test, or fails it where OpenCL is required, if no ICD is installed. */
    static void require() throws IOException {
        BackendPresence.require(BackendType.OPENCL, installed(), MISSING);
    }

    /**
     * For a test that runs with or without OpenCL: fails it where OpenCL is required and no ICD is
     * installed, as {@link #require} does.
     *
     * @return whether an ICD is installed
     */
    static boolean available() throws IOException {
        try {
            require();
            return true;
        } catch (TestAbortedException skipped) {
            return false;
        }
    }

    /** @return whether {@link #VENDORS} holds at least one {@code .icd} file */
    static boolean installed() throws IOException {
        if (!Files.isDirectory(VENDORS)) {
            return false;
        }
        try (Stream<Path> files = Files.list(VENDORS)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".icd"));
        }
    }
}
