package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.BackendType;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.spi.Backend;
import java.time.Duration;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * The CUDA backend bundle in a real framework: it resolves against the long-lived JCuda wrapper,
 * registers its backend service, and the runtime lists it. Without a GPU (as in CI) it is
 * unavailable with the reason and kernels run elsewhere; with one it is available.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
@Timeout(60)
class CudaBackendIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    RingKernelRuntime runtime;

    @Test
    void shouldWireTheBackendsJcudaImportToTheWrapperBundle() {
        Bundle backend = Bundles.named(context, "io.ringkernel.backend-cuda-bundle");
        assertThat(backend.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(Bundles.packageProviders(backend)).hasEntrySatisfying("jcuda.driver",
                provider -> assertThat(provider.getSymbolicName()).isEqualTo("io.ringkernel.native-jcuda"));
    }

    @Test
    void shouldRegisterTheBackendAndListItWithItsAvailability() throws Exception {
        Collection<ServiceReference<Backend>> references = context.getServiceReferences(Backend.class,
                "(" + Backend.PROPERTY_TYPE + "=CUDA)");
        assertThat(references).hasSize(1);

        BackendInfo cuda = runtime.backends().stream().filter(info -> info.type() == BackendType.CUDA).findFirst()
                .orElseThrow(() -> new AssertionError("the runtime does not list the CUDA backend"));
        if (cuda.available()) {
            assertThat(cuda.devices()).isNotEmpty();
        } else {
            assertThat(cuda.unavailableReason()).as("why CUDA cannot run here").isNotBlank();
            assertThat(cuda.devices()).isEmpty();
        }
    }

    @Test
    void shouldRunKernelsElsewhereWhereCudaIsUnavailable() {
        BackendInfo cuda = runtime.backends().stream().filter(info -> info.type() == BackendType.CUDA).findFirst()
                .orElseThrow();
        assumeFalse(cuda.available(), "a GPU is here: the CUDA backend runs kernels");
        KernelHandle echo = runtime.launch("cuda-it-echo", LaunchOptions.defaults().withDefinition("echo"));
        try {
            assertThat(echo.metrics().backend()).isNotEqualTo(BackendType.CUDA);
        } finally {
            echo.terminate();
        }
    }
}
