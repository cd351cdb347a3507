package io.ringkernel.integration;

import io.ringkernel.integration.kernelbundle.TickKernelActivator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;

/**
 * Builds, in memory, a kernel bundle that registers the {@link TickKernelActivator#DEFINITION_ID}
 * definition: the classes of {@link TickKernelActivator}'s package, copied from this bundle, and a
 * manifest that imports {@link Tick}'s package from this bundle. Nothing of this bundle imports
 * from the built one, so it can be updated, uninstalled and refreshed while the test runs.
 */
final class ChaosKernelBundle {
    /** Its symbolic name. */
    static final String SYMBOLIC_NAME = "io.ringkernel.integration.chaos-kernels";
    /** The location it is installed under. */
    static final String LOCATION = "ringkernel:" + SYMBOLIC_NAME;
    private static final String CODE = TickKernelActivator.class.getPackageName().replace('.', '/');

    private ChaosKernelBundle() {
    }

    /**
     * @param hops how many hops its handlers add to a tick: the bundle's version as well
     * @return the bundle's jar
     */
    static byte[] jar(int hops) throws IOException {
        Manifest manifest = new Manifest();
        Attributes headers = manifest.getMainAttributes();
        headers.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        headers.putValue(Constants.BUNDLE_SYMBOLICNAME, SYMBOLIC_NAME);
        headers.putValue(Constants.BUNDLE_VERSION, hops + ".0.0");
        headers.putValue(Constants.BUNDLE_ACTIVATOR, TickKernelActivator.class.getName());
        headers.putValue(Constants.IMPORT_PACKAGE, String.join(",", Tick.class.getPackageName(),
                "io.ringkernel.spi", "org.osgi.framework"));
        headers.putValue(TickKernelActivator.HOPS_HEADER, Integer.toString(hops));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            Bundle self = FrameworkUtil.getBundle(ChaosKernelBundle.class);
            Enumeration<URL> classes = self.findEntries(CODE, "*.class", false);
            while (classes.hasMoreElements()) {
                URL type = classes.nextElement();
                String path = type.getPath();
                jar.putNextEntry(new JarEntry(path.substring(path.indexOf(CODE))));
                try (InputStream in = type.openStream()) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
