package io.ringkernel.backend.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.RingKernelRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * How the system property chooses where kernels' device work runs from, and that a backend
 * configured by hand is the one that runs its type's kernels.
 */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class KernelIsolationTest {

    @AfterEach
    void clearTheProperty() {
        System.clearProperty(KernelIsolation.PROPERTY);
    }

    @Test
    void shouldIsolateEachKernelInAProcessOfItsOwnByDefault() {
        System.clearProperty(KernelIsolation.PROPERTY);

        assertThat(KernelIsolation.fromSystemProperty()).isEqualTo(KernelIsolation.PROCESS);
    }

    @Test
    void shouldTakeEitherValueInAnyCase() {
        System.setProperty(KernelIsolation.PROPERTY, " None ");
        assertThat(KernelIsolation.fromSystemProperty()).isEqualTo(KernelIsolation.NONE);

        System.setProperty(KernelIsolation.PROPERTY, "process");
        assertThat(KernelIsolation.fromSystemProperty()).isEqualTo(KernelIsolation.PROCESS);
    }

    @Test
    void shouldRunKernelsOnTheBackendAddedByHandNotOnTheOneDiscoveredBesideIt() {
        OpenClBackend added = new OpenClBackend(KernelIsolation.NONE);
        System.setProperty(KernelIsolation.PROPERTY, "thread");

        try (RingKernelRuntime runtime = RingKernelRuntime.builder().addBackend(added).build()) {
            assertThat(runtime.backends()).filteredOn(backend -> backend.type() == BackendType.OPENCL)
                    .singleElement().satisfies(backend -> assertThat(backend.unavailableReason())
                            .as("not the discovered one, which the property leaves unavailable")
                            .doesNotContain(KernelIsolation.PROPERTY));
        }
    }

    @Test
    void shouldLeaveTheBackendUnavailableNamingThePropertyWhenItsValueIsNeither() {
        System.setProperty(KernelIsolation.PROPERTY, "thread");

        OpenClBackend backend = new OpenClBackend();

        assertThat(backend.availability().available()).isFalse();
        assertThat(backend.availability().reason())
                .isEqualTo("ringkernel.opencl.isolation is 'thread'; it takes 'process' or 'none'");
    }
}
