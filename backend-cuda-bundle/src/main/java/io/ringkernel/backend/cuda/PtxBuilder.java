package io.ringkernel.backend.cuda;

import io.ringkernel.spi.KernelDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Compiles kernel definitions' CUDA handlers to PTX at build time, so that a kernel bundle carries
 * its PTX and runs on machines without nvcc. Run it after the classes are compiled (the examples'
 * pom does, with exec-maven-plugin):
 * <pre>
 * PtxBuilder OUTPUT_DIRECTORY DEFINITION_CLASS...
 * </pre>
 * Each definition class (public, with a no-argument constructor) gets {@code <id>.ptx} beside it
 * under the output directory, which its {@link KernelDefinition#deviceSources()} can offer as
 * {@link CudaBackend#PTX_KEY}. The PTX names the SHA-256 of the program it came from, so the
 * backend uses it only while the handler is unchanged. Without nvcc it compiles nothing and says
 * so, unless the environment variable {@value #REQUIRE_NVCC} is {@code true}: then it fails.
 */
public final class PtxBuilder {
    /** Environment variable that makes a missing nvcc an error. */
    public static final String REQUIRE_NVCC = "RINGKERNEL_REQUIRE_NVCC";

    private PtxBuilder() {
    }

    /**
     * @param arguments the output directory, then the definition classes' names
     * @throws Exception if a definition cannot be created, a handler does not compile, or nvcc is
     *         missing where it is required
     */
    public static void main(String... arguments) throws Exception {
        if (arguments.length < 2) {
            throw new IllegalArgumentException("usage: PtxBuilder OUTPUT_DIRECTORY DEFINITION_CLASS...");
        }
        Path output = Path.of(arguments[0]);
        Optional<Nvcc> nvcc = Nvcc.find(output.resolveSibling("ringkernel-ptx-cache"));
        if (nvcc.isEmpty()) {
            String missing = "nvcc not found on PATH, in $CUDA_HOME/bin or /usr/local/cuda/bin: no PTX built for "
                    + Arrays.toString(Arrays.copyOfRange(arguments, 1, arguments.length));
            if (Boolean.parseBoolean(System.getenv(REQUIRE_NVCC))) {
                throw new IllegalStateException(missing + " (" + REQUIRE_NVCC + " is true)");
            }
            System.getLogger(PtxBuilder.class.getName()).log(System.Logger.Level.WARNING, missing);
            return;
        }
        for (int i = 1; i < arguments.length; i++) {
            Class<?> type = Class.forName(arguments[i]);
            KernelDefinition definition = (KernelDefinition) type.getConstructor().newInstance();
            String ptx = compile(nvcc.get(), definition);
            Path target = output.resolve(type.getPackageName().replace('.', '/')).resolve(definition.id() + ".ptx");
            Files.createDirectories(target.getParent());
            Files.writeString(target, ptx);
        }
    }

    private static String compile(Nvcc nvcc, KernelDefinition definition) throws IOException {
        try {
            return nvcc.compile(CudaSource.program(definition));
        } catch (Nvcc.NvccException e) {
            throw new IOException("the CUDA handler of kernel definition '" + definition.id() + "' does not compile:\n"
                    + e.getMessage(), e);
        }
    }
}
