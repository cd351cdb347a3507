package io.ringkernel.conformance;

/**
 * The conformance kernel echoes it back unchanged; used for sizes that span many ring slots.
 *
 * @param data the bytes
 */
public record Blob(byte[] data) {
}
