package io.ringkernel.management;

import io.ringkernel.api.KernelNotFoundException;
import io.ringkernel.api.RingKernelException;

import java.util.function.Supplier;

/**
 * Turns the runtime's typed exceptions into JDK exceptions that any JMX client can deserialize:
 * {@link KernelNotFoundException} becomes {@link IllegalArgumentException}, every other
 * {@link RingKernelException} becomes {@link IllegalStateException}. The message is kept; the
 * cause is left off because a remote client lacks the runtime's classes.
 */
final class JmxErrors {

    private JmxErrors() {
    }

    /**
     * @param read what to read from the runtime
     * @param <T> its type
     * @return its value
     */
    static <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (RingKernelException e) {
            throw translate(e);
        }
    }

    /** @param operation what to do to the runtime */
    static void run(Runnable operation) {
        try {
            operation.run();
        } catch (RingKernelException e) {
            throw translate(e);
        }
    }

    private static RuntimeException translate(RingKernelException e) {
        return e instanceof KernelNotFoundException
                ? new IllegalArgumentException(e.getMessage())
                : new IllegalStateException(e.getMessage());
    }
}
