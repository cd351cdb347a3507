package io.ringkernel.api;

/**
 * One device a backend can run kernels on.
 *
 * @param index the device's index within its backend
 * @param name the device's name, e.g. "NVIDIA H100 80GB HBM3"
 * @param vendor its vendor
 * @param version driver or platform version
 * @param computeUnits streaming multiprocessors, compute units or CPU threads
 * @param memoryBytes device memory in bytes (0 when shared with the host)
 */
public record DeviceInfo(int index, String name, String vendor, String version, int computeUnits, long memoryBytes) {
}
