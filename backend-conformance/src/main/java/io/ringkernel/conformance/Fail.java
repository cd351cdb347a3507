package io.ringkernel.conformance;

/**
 * The conformance kernel's handler throws when it gets one.
 *
 * @param code echoed in the exception's message
 */
public record Fail(int code) {
}
