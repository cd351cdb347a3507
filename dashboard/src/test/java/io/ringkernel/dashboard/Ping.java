package io.ringkernel.dashboard;

/**
 * The echo kernel's message in the tests.
 *
 * @param sequence a number
 * @param sender another number
 */
public record Ping(long sequence, int sender) {
}
