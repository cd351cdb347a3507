package io.ringkernel.api;

/** How a backend runs a kernel. */
public enum LaunchMode {
    /** Launched once; a resident loop polls the input ring until terminated. */
    PERSISTENT,
    /** One launch per batch of queued messages. */
    EVENT_DRIVEN
}
