package io.ringkernel.conformance;

/**
 * The conformance kernel echoes it back unchanged.
 *
 * @param sequence the sender's running number
 * @param sender which sender thread sent it
 */
public record Ping(long sequence, int sender) {
}
