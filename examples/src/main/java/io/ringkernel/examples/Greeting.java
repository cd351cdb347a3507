package io.ringkernel.examples;

/**
 * A text message, serialized with Kryo.
 *
 * @param text the text
 */
public record Greeting(String text) {
}
