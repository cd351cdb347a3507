package io.ringkernel.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads device handler sources that a kernel bundle keeps as resources next to its classes (such
 * as {@code echo.cl} beside {@code EchoKernel.class}), for {@link KernelDefinition#deviceSources()}.
 */
public final class DeviceSourceFiles {

    private DeviceSourceFiles() {
    }

    /**
     * @param owner the class the resource lies beside, in its package
     * @param name the resource's file name
     * @return its text, UTF-8
     * @throws IllegalStateException if there is no such resource
     * @throws UncheckedIOException if it cannot be read
     */
    public static String read(Class<?> owner, String name) {
        return readIfPresent(owner, name)
                .orElseThrow(() -> new IllegalStateException("no resource " + name + " beside " + owner.getName()));
    }

    /**
     * For what a build may or may not have produced, such as a kernel's PTX where nvcc was
     * missing.
     *
     * @param owner the class the resource lies beside, in its package
     * @param name the resource's file name
     * @return its text, UTF-8, or empty if there is no such resource
     * @throws UncheckedIOException if it cannot be read
     */
    public static Optional<String> readIfPresent(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " beside " + owner.getName(), e);
        }
    }
}
