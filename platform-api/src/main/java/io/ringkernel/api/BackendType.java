package io.ringkernel.api;

/**
 * The kinds of backend a runtime can run its kernels on.
 *
 * <p>{@link #AUTO} picks the available backend with the highest priority; the pure-Java
 * {@link #CPU} backend is always available, so {@code AUTO} never fails for want of a backend.
 */
public enum BackendType {
    /** NVIDIA GPUs through the CUDA driver API; persistent kernels in host-mapped memory. */
    CUDA,
    /** Any OpenCL device; event-driven batches. */
    OPENCL,
    /** Kernels written in Java, translated to OpenCL or run on Aparapi's thread pool. */
    APARAPI,
    /** The pure-Java backend: persistent actors on a small shared worker pool. */
    CPU,
    /** The best backend present, by priority. */
    AUTO
}
