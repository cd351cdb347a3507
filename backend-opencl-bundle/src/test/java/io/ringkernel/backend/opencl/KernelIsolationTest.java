package io.ringkernel.backend.opencl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** How the system property chooses where kernels' device work runs from. */
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
    void shouldLeaveTheBackendUnavailableNamingThePropertyWhenItsValueIsNeither() {
        System.setProperty(KernelIsolation.PROPERTY, "thread");

        OpenClBackend backend = new OpenClBackend();

        assertThat(backend.availability().available()).isFalse();
        assertThat(backend.availability().reason())
                .isEqualTo("ringkernel.opencl.isolation is 'thread'; it takes 'process' or 'none'");
    }
}
