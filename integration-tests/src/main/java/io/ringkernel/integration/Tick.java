package io.ringkernel.integration;

/**
 * A fixed-layout message for the OpenCL tests: the device handler echoes it one hop further.
 *
 * @param sequence which call it is
 * @param hops how many handlers it passed through
 */
public record Tick(long sequence, int hops) {
}
