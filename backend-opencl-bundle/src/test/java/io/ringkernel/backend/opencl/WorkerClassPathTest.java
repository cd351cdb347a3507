package io.ringkernel.backend.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a worker's class path entries come from: the code source of each class it needs. */
class WorkerClassPathTest {
    @TempDir
    Path folder;

    @Test
    void shouldFindEveryJarAWorkerNeedsOnThisClassPath() {
        assertThat(WorkerClassPath.find().split(java.io.File.pathSeparator)).isNotEmpty()
                .allSatisfy(entry -> assertThat(Path.of(entry)).exists());
    }

    @Test
    void shouldTakeTheFileOfAFelixReferenceLocation() throws Exception {
        Path jar = Files.createFile(folder.resolve("bundle.jar"));

        assertThat(WorkerClassPath.fileOf(probeFrom(new URL(null, "reference:" + jar.toUri(), new NoConnection()))))
                .isEqualTo(jar);
    }

    @Test
    void shouldNameTheClassAndItsLocationWhereTheCodeSourceIsNoFile() throws Exception {
        Class<?> probe = probeFrom(new URL(null, "bundle://7.0:1/", new NoConnection()));

        assertThatThrownBy(() -> WorkerClassPath.fileOf(probe)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a worker process needs the jar of " + Probe.class.getName()
                        + " as a file, but its code source is 'bundle://7.0:1/'");
    }

    @Test
    void shouldRefuseAFileLocationThatIsNotThere() throws Exception {
        Class<?> probe = probeFrom(folder.resolve("gone.jar").toUri().toURL());

        assertThatThrownBy(() -> WorkerClassPath.fileOf(probe)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gone.jar");
    }

    /** @return {@link Probe} defined again, by a loader of its own, from the given location */
    private static Class<?> probeFrom(URL location) throws IOException {
        byte[] bytes;
        String name = Probe.class.getName();
        try (InputStream in = Probe.class.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            bytes = in.readAllBytes();
        }
        ProtectionDomain domain = new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null);
        return new ClassLoader(null) {
            Class<?> define() {
                return defineClass(name, bytes, 0, bytes.length, domain);
            }
        }.define();
    }

    /** A class with no dependencies, loaded again from made-up locations. */
    static final class Probe {
    }

    /** A handler for locations that are never opened, as Felix's fake ones. */
    private static final class NoConnection extends URLStreamHandler {
        @Override
        protected URLConnection openConnection(URL url) throws MalformedURLException {
            throw new MalformedURLException("not opened: " + url);
        }
    }
}
