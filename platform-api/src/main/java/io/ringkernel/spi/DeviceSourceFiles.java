package io.ringkernel.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name + " beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " beside " + owner.getName(), e);
        }
    }
}
