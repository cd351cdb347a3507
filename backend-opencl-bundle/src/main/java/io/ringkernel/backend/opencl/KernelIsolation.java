package io.ringkernel.backend.opencl;

import java.util.Locale;

/**
 * Where the OpenCL backend drives a kernel's device work from. Chosen with the system property
 * {@value #PROPERTY} ({@code process} or {@code none}), or with
 * {@link OpenClBackend#OpenClBackend(KernelIsolation)}.
 */
public enum KernelIsolation {
    /**
     * Each kernel's batches run in a worker process of its own (a JVM started with this one's
     * runtime). A device fault then fails that kernel only: on NVIDIA's OpenCL a fault breaks
     * every context of the process that met it, and on a CPU device it is a segmentation fault.
     * A batch costs two pipe hand-offs more, and a launch starts a JVM. The default.
     */
    PROCESS,
    /**
     * Kernels' batches run from the platform's own process: no hand-offs, but a device fault
     * takes every OpenCL kernel of the JVM with it (NVIDIA), or the JVM itself (a CPU device).
     */
    NONE;

    /** The system property that chooses the isolation. */
    public static final String PROPERTY = "ringkernel.opencl.isolation";

    /**
     * @return the isolation {@value #PROPERTY} chooses, {@link #PROCESS} without one
     * @throws IllegalArgumentException naming the property if its value is neither
     */
    static KernelIsolation fromSystemProperty() {
        String value = System.getProperty(PROPERTY, PROCESS.name()).trim();
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " is '" + value + "'; it takes 'process' or 'none'", e);
        }
    }
}
