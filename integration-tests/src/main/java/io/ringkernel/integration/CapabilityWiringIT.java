package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.BackendType;
import io.ringkernel.examples.EchoKernel;
import io.ringkernel.spi.MessageType;
import io.ringkernel.spi.RingKernelNamespaces;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.context.BundleContextExtension;

/**
 * Kernel bundles declare the backend and serializers they need as requirements, which the
 * framework wires to the bundles that provide them; without a provider they do not resolve.
 */
@ExtendWith(BundleContextExtension.class)
@Timeout(60)
class CapabilityWiringIT {
    private static final String RUNTIME_BUNDLE = "io.ringkernel.platform-runtime";
    private static final String KRYO_BUNDLE = "io.ringkernel.serializer-kryo-bundle";

    @InjectBundleContext
    BundleContext context;

    @Test
    void shouldWireTheKernelBundlesBackendRequirementToTheRuntimesCpuBackend() {
        List<BundleWire> wires = examplesWiring().getRequiredWires(RingKernelNamespaces.BACKEND_NAMESPACE);
        assertThat(wires).singleElement().satisfies(wire -> {
            assertThat(wire.getProvider().getSymbolicName()).isEqualTo(RUNTIME_BUNDLE);
            assertThat(wire.getCapability().getAttributes())
                    .containsEntry(RingKernelNamespaces.BACKEND_TYPE_ATTRIBUTE, BackendType.CPU.name());
        });
    }

    @Test
    void shouldWireEachSerializerRequirementToTheBundleThatProvidesIt() {
        Map<Object, String> providers = examplesWiring().getRequiredWires(RingKernelNamespaces.SERIALIZER_NAMESPACE)
                .stream().collect(Collectors.toMap(
                        wire -> wire.getCapability().getAttributes().get(RingKernelNamespaces.SERIALIZER_NAME_ATTRIBUTE),
                        wire -> wire.getProvider().getSymbolicName()));
        assertThat(providers).isEqualTo(Map.of(EchoKernel.SERIALIZER, KRYO_BUNDLE, MessageType.FIXED_LAYOUT, RUNTIME_BUNDLE));
    }

    @Test
    void shouldLeaveABundleUnresolvedWhenNoBundleProvidesTheSerializerItRequires() throws Exception {
        Bundle needy = context.installBundle("needs-missing-serializer", bundleRequiring(
                RingKernelNamespaces.SERIALIZER_NAMESPACE + ";filter:=\"("
                        + RingKernelNamespaces.SERIALIZER_NAME_ATTRIBUTE + "=missing)\""));
        try {
            FrameworkWiring frameworkWiring = context.getBundle(0).adapt(FrameworkWiring.class);
            assertThat(frameworkWiring.resolveBundles(List.of(needy))).isFalse();
            assertThat(needy.getState()).isEqualTo(Bundle.INSTALLED);
        } finally {
            needy.uninstall();
        }
    }

    private static BundleWiring examplesWiring() {
        return FrameworkUtil.getBundle(EchoKernel.class).adapt(BundleWiring.class);
    }

    /** A bundle with nothing in it but a manifest that carries the given requirement. */
    private static InputStream bundleRequiring(String requirement) throws IOException {
        Manifest manifest = new Manifest();
        Attributes headers = manifest.getMainAttributes();
        headers.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.putValue("Bundle-ManifestVersion", "2");
        headers.putValue("Bundle-SymbolicName", "io.ringkernel.integration.needy");
        headers.putValue("Require-Capability", requirement);
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        new JarOutputStream(jar, manifest).close();
        return new ByteArrayInputStream(jar.toByteArray());
    }
}
