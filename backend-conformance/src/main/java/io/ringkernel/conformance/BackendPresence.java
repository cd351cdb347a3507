package io.ringkernel.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        String message = backend.type() + " backend unavailable: " + availability.reason();
        String required = System.getenv().getOrDefault(REQUIRED, "");
        if (Arrays.stream(required.split(",")).map(String::trim).anyMatch(backend.type().name()::equalsIgnoreCase)) {
            assertTrue(availability.available(), () -> message + " (required by " + REQUIRED + "=" + required + ")");
        }
        assumeTrue(availability.available(), message);
    }
}
