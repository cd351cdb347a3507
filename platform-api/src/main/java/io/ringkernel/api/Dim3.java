package io.ringkernel.api;

/**
 * A three-dimensional launch extent (grid in blocks, or block in threads).
 *
 * @param x extent along x, at least 1
 * @param y extent along y, at least 1
 * @param z extent along z, at least 1
 */
public record Dim3(int x, int y, int z) {

    /** One block of one thread: what a kernel gets when the caller does not care. */
    public static final Dim3 ONE = new Dim3(1, 1, 1);

    /** Validates that every extent is positive. */
    public Dim3 {
        if (x < 1 || y < 1 || z < 1) {
            throw new IllegalArgumentException("every extent of a Dim3 must be >= 1, got " + x + "x" + y + "x" + z);
        }
    }

    /**
     * A one-dimensional extent.
     *
     * @param x extent along x
     * @return {@code (x, 1, 1)}
     */
    public static Dim3 of(int x) {
        return new Dim3(x, 1, 1);
    }

    /** @return {@code x * y * z} */
    public long volume() {
        return (long) x * y * z;
    }
}
