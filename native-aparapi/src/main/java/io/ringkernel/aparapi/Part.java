package io.ringkernel.aparapi;

/**
 * Which part of a message component a column holds. A primitive component has only its
 * {@link #VALUES}; an array component has its elements and, per message, where they start and
 * how many there are.
 */
public enum Part {
    /**
     * The component's values: for a primitive component, an array of its type with message
     * {@code i}'s value at index {@code i}; for an array component, an array of its element type
     * holding message {@code i}'s elements from index {@link #START start[i]} on.
     */
    VALUES,
    /** For an array component: an {@code int[]} with the index of message {@code i}'s first element. */
    START,
    /**
     * For an array component: an {@code int[]} with message {@code i}'s element count. In a reply
     * column the handler writes it, up to the slice the backend set aside for message {@code i}.
     */
    LENGTH
}
