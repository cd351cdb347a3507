package io.ringkernel.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher exports the packages of the JavaFX platform jars in lib/, at their version, and nothing else. */
class JavaFxPackagesTest {
    @TempDir
    Path lib;

    @Test
    void shouldExportEveryJavaFxPackageOfThePlatformJarsAtTheirVersion() throws IOException {
        jar("javafx-controls-21.0.11-linux.jar", "javafx/scene/control/Button.class",
                "javafx/scene/control/skin/ButtonSkin.class", "com/sun/javafx/scene/control/Internal.class",
                "META-INF/MANIFEST.MF");
        jar("javafx-controls-21.0.11.jar", "META-INF/MANIFEST.MF");
        jar("platform-api-0.1.0-SNAPSHOT.jar", "io/ringkernel/api/KernelHandle.class");

        assertThat(JavaFxPackages.exports(lib))
                .isEqualTo(",javafx.scene.control;version=21.0.11,javafx.scene.control.skin;version=21.0.11");
    }

    @Test
    void shouldExportNothingWithoutJavaFx() throws IOException {
        jar("org.apache.felix.framework-7.0.5.jar", "org/apache/felix/framework/Felix.class");

        assertThat(JavaFxPackages.exports(lib)).isEmpty();
    }

    private void jar(String name, String... entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(lib.resolve(name));
             JarOutputStream jar = new JarOutputStream(file)) {
            for (String entry : entries) {
                jar.putNextEntry(new ZipEntry(entry));
                jar.closeEntry();
            }
        }
    }
}
