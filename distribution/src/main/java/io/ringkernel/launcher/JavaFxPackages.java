package io.ringkernel.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * JavaFX is no bundle: its jars sit on the launcher's class path ({@code lib/}) and the framework
 * exports their packages, so that the dashboard bundle can import them.
 */
final class JavaFxPackages {
    private static final Pattern JAR = Pattern.compile("javafx-[a-z]+-(\\d+(?:\\.\\d+)*)-[a-z0-9_]+\\.jar");

    private JavaFxPackages() {
    }

    /**
     * @param lib the launcher's class path folder
     * @return {@code ,pkg;version=v} for every package in the JavaFX platform jars there, or the
     *         empty string if there are none
     * @throws IOException if a jar cannot be read
     */
    static String exports(Path lib) throws IOException {
        StringBuilder exports = new StringBuilder();
        try (Stream<Path> files = Files.list(lib)) {
            for (Path jar : files.sorted().toList()) {
                Matcher name = JAR.matcher(jar.getFileName().toString());
                if (name.matches()) {
                    for (String pkg : packages(jar)) {
                        exports.append(',').append(pkg).append(";version=").append(name.group(1));
                    }
                }
            }
        }
        return exports.toString();
    }

    private static TreeSet<String> packages(Path jar) throws IOException {
        TreeSet<String> packages = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(entry -> entry.getName())
                    .filter(entry -> entry.endsWith(".class") && entry.startsWith("javafx/") && entry.lastIndexOf('/') > 0)
                    .forEach(entry -> packages.add(entry.substring(0, entry.lastIndexOf('/')).replace('/', '.')));
        }
        return packages;
    }
}
