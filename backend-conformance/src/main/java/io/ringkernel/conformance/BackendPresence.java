package io.ringkernel.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringkernel.api.BackendType;
import io.ringkernel.spi.Backend;
import java.util.Arrays;

/**
 * Decides whether a backend's tests run: they are skipped, with the reason, where the backend
 * cannot run — unless the environment variable {@value #REQUIRED} names its type (comma-separated,
 * e.g. {@code OPENCL,CUDA}), as CI and the device machine set it, and then they fail.
 */
public final class BackendPresence {
    /** Environment variable naming the backend types that must be available. */
    public static final String REQUIRED = "RINGKERNEL_REQUIRE_BACKENDS";

    private BackendPresence() {
    }

    /**
     * Skips or fails the calling test when the backend cannot run here.
     *
     * @param backend the backend under test
     */
    public static void require(Backend backend) {
        Backend.Availability availability = backend.availability();
        require(backend.type(), availability.available(), backend.type() + " backend unavailable: " + availability.reason());
    }

    /**
     * Skips or fails the calling test when something a backend type needs is missing here, such
     * as an OpenCL driver.
     *
     * @param type the backend type the test is about
     * @param present whether what it needs is here
     * @param missing why the test cannot run, for the skip or failure message
     */
    public static void require(BackendType type, boolean present, String missing) {
        String required = System.getenv().getOrDefault(REQUIRED, "");
        if (Arrays.stream(required.split(",")).map(String::trim).anyMatch(type.name()::equalsIgnoreCase)) {
            assertTrue(present, () -> missing + " (required by " + REQUIRED + "=" + required + ")");
        }
        assumeTrue(present, missing);
    }
}
