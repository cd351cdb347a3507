package io.ringkernel.backend.opencl;

/**
 * A fixed-layout message with fields of several widths, so that a wrong offset on the device
 * shows as a wrong value.
 *
 * @param id a small number
 * @param x a coordinate
 * @param y another
 * @param weight a scale factor
 */
public record Point(byte id, long x, int y, double weight) {
}
