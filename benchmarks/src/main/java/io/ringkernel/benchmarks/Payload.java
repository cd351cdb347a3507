package io.ringkernel.benchmarks;

/**
 * A message of opaque bytes, in the fixed layout.
 *
 * @param data the bytes
 */
public record Payload(byte[] data) {
}
