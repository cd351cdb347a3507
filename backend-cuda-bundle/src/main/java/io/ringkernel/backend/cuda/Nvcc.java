package io.ringkernel.backend.cuda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compiles a CUDA program to PTX with NVIDIA's nvcc, for the virtual architecture
 * {@value #ARCHITECTURE} (the driver JIT-compiles it for the GPU at hand: Ampere, Hopper and
 * later). Results are cached on disk by the source's SHA-256, so a handler compiles once per
 * machine.
 */
final class Nvcc {
    /** The virtual architecture the PTX targets. */
    static final String ARCHITECTURE = "compute_80";
    /** First line of every PTX this class writes; the program's SHA-256 follows it. */
    static final String SOURCE_HASH_PREFIX = "// ringkernel program sha256 ";
    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;
    private final Path cache;

    private Nvcc(Path executable, Path cache) {
        this.executable = executable;
        this.cache = cache;
    }

    /**
     * @param cache directory for compiled PTX
     * @return nvcc from {@code PATH}, {@code $CUDA_HOME/bin} or {@code /usr/local/cuda/bin}, if any
     */
    static Optional<Nvcc> find(Path cache) {
        Stream<String> directories = Stream.concat(
                Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)),
                Stream.of(System.getenv().getOrDefault("CUDA_HOME", "/usr/local/cuda") + "/bin", "/usr/local/cuda/bin"));
        return directories.filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "nvcc"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(path -> new Nvcc(path, cache));
    }

    /**
     * @param source a whole program
     * @return its SHA-256 in hex, as written into the PTX's first line
     */
    static String hash(String source) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * @param ptx PTX text
     * @param source a program
     * @return true if the PTX was compiled from exactly that program
     */
    static boolean compiledFrom(String ptx, String source) {
        return ptx.startsWith(SOURCE_HASH_PREFIX + hash(source));
    }

    /** @return where nvcc lives */
    Path executable() {
        return executable;
    }

    /**
     * @param source the program
     * @return its PTX, the first line naming the source's hash
     * @throws NvccException with nvcc's output if it does not compile
     */
    String compile(String source) {
        String hash = hash(source);
        Path cached = cache.resolve(hash + ".ptx");
        try {
            if (Files.isRegularFile(cached)) {
                return Files.readString(cached);
            }
            Files.createDirectories(cache);
            Path work = Files.createTempDirectory(cache, "nvcc-");
            try {
                Path input = Files.writeString(work.resolve("program.cu"), source);
                Path output = work.resolve("program.ptx");
                String log = run(List.of(executable.toString(), "-ptx", "-arch=" + ARCHITECTURE, "-std=c++17",
                        "-lineinfo", "-o", output.toString(), input.toString()));
                String ptx = SOURCE_HASH_PREFIX + hash + "\n" + Files.readString(output);
                if (!log.isBlank()) {
                    System.getLogger(Nvcc.class.getName()).log(System.Logger.Level.DEBUG, "nvcc: " + log);
                }
                Path staged = Files.writeString(work.resolve(hash + ".ptx"), ptx);
                Files.move(staged, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return ptx;
            } finally {
                try (Stream<Path> files = Files.list(work)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable + " in " + cache, e);
        }
    }

    private String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new NvccException("nvcc took longer than " + TIMEOUT_SECONDS + " s");
            }
            String log = new String(output, StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new NvccException(log);
            }
            return log;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NvccException("interrupted while nvcc ran");
        }
    }

    /** nvcc rejected a program; the message is its output. */
    static final class NvccException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NvccException(String log) {
            super(log);
        }
    }
}
