package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.cl_platform_id;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

/**
 * The JOCL wrapper bundle in a real framework: it resolves on its own, this bundle's
 * {@code org.jocl} import is wired to it at JOCL's version, and where an OpenCL ICD is installed
 * JOCL loads its JNI library out of the wrapper and lists the OpenCL platforms by name.
 */
@ExtendWith(BundleContextExtension.class)
@Timeout(60)
class NativeJoclIT {
    private static final System.Logger LOG = System.getLogger(NativeJoclIT.class.getName());
    private static final String WRAPPER_BUNDLE = "io.ringkernel.native-jocl";
    private static final String JOCL_PACKAGE = "org.jocl";

    @InjectBundleContext
    BundleContext context;

    @Test
    void shouldResolveTheWrapperAndWireTheOrgJoclImportToItAtJoclsVersion() {
        Bundle wrapper = Bundles.named(context, WRAPPER_BUNDLE);
        assertThat(wrapper.getState()).isIn(Bundle.RESOLVED, Bundle.ACTIVE);

        BundleWire wire = context.getBundle().adapt(BundleWiring.class)
                .getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .filter(w -> JOCL_PACKAGE.equals(w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("this bundle's import of " + JOCL_PACKAGE + " is not wired"));
        assertThat(wire.getProvider().getBundle()).isEqualTo(wrapper);
        assertThat(wire.getCapability().getAttributes())
                .containsEntry(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE, new Version(2, 0, 6));
    }

    @Test
    void shouldListTheOpenClPlatformsByNameThroughTheWrapper() throws IOException {
        OpenClIcd.require();
        CL.setExceptionsEnabled(true);

        int[] count = new int[1];
        CL.clGetPlatformIDs(0, null, count);
        assertThat(count[0]).as("OpenCL platforms").isPositive();
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        CL.clGetPlatformIDs(platforms.length, platforms, null);

        List<String> names = Arrays.stream(platforms).map(NativeJoclIT::platformName).toList();
        LOG.log(System.Logger.Level.INFO, "OpenCL platforms through {0}: {1}", WRAPPER_BUNDLE, names);
        assertThat(names).hasSize(count[0]).allSatisfy(name -> assertThat(name).isNotBlank());
    }

    /** CL_PLATFORM_NAME: a size query, then the NUL-terminated bytes. */
    private static String platformName(cl_platform_id platform) {
        long[] size = new long[1];
        CL.clGetPlatformInfo(platform, CL.CL_PLATFORM_NAME, 0, null, size);
        byte[] name = new byte[(int) size[0]];
        CL.clGetPlatformInfo(platform, CL.CL_PLATFORM_NAME, name.length, Pointer.to(name), null);
        int length = name.length > 0 && name[name.length - 1] == 0 ? name.length - 1 : name.length;
        return new String(name, 0, length, StandardCharsets.US_ASCII);
    }
}
