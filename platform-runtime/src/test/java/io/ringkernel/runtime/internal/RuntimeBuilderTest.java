package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.BackendUnavailableException;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.KernelLaunchException;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.api.SerializationException;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuntimeBuilderTest {

    @Test
    void shouldFindTheRuntimeAndTheCpuBackendWithServiceLoader() {
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().addKernel(new ConformanceKernel()).build()) {
            assertThat(runtime.defaultBackend()).isEqualTo(BackendType.CPU);
            assertThat(runtime.backends()).extracting(info -> info.type()).contains(BackendType.CPU);
            assertThat(runtime.listDefinitions()).contains(ConformanceKernel.ID);
        }
    }

    @Test
    void shouldFallBackToTheCpuWhenTheBestBackendCannotRun() {
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().addBackend(new AbsentGpu()).build()) {
            assertThat(runtime.defaultBackend()).isEqualTo(BackendType.CPU);
            assertThat(runtime.backends()).anySatisfy(info -> {
                assertThat(info.type()).isEqualTo(BackendType.CUDA);
                assertThat(info.available()).isFalse();
                assertThat(info.unavailableReason()).isEqualTo("no GPU in this machine");
            });
        }
    }

    @Test
    void shouldSayWhyARequestedBackendIsUnavailable() {
        assertThatThrownBy(() -> RingKernelRuntime.builder().backend(BackendType.CUDA).addBackend(new AbsentGpu()).build())
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessage("backend CUDA is unavailable: CUDA: no GPU in this machine");
        assertThatThrownBy(() -> RingKernelRuntime.builder().backend(BackendType.OPENCL).build())
                .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("no such backend is installed");
    }

    @Test
    void shouldRefuseAModeTheBackendDoesNotSupport() {
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().addKernel(new ConformanceKernel()).build()) {
            assertThatThrownBy(() -> runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                    .withMode(LaunchMode.EVENT_DRIVEN))).isInstanceOf(KernelLaunchException.class)
                    .hasMessageContaining("cannot run kernel 'k' in EVENT_DRIVEN mode");
        }
    }

    @Test
    void shouldRefuseQueuesTooSmallForTheMaximumMessage() {
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().addKernel(new ConformanceKernel()).build()) {
            assertThatThrownBy(() -> runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID)
                    .withQueueCapacity(16))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("input queue of 16 slots of 128 B holds payloads up to 960 B");
        }
    }

    @Test
    void shouldNameAMissingSerializer() {
        KernelDefinition needsMissing = definition("odd", MessageType.of(1, Ping.class, "protobuf"));
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().addKernel(needsMissing).build()) {
            assertThatThrownBy(() -> runtime.launch("odd", LaunchOptions.defaults()))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("serializer 'protobuf', which is not installed");
        }
    }

    @Test
    void shouldRejectTwoTypesWithOneId() {
        KernelDefinition clash = definition("clash", MessageType.of(1, Ping.class, MessageType.FIXED_LAYOUT),
                MessageType.of(1, io.ringkernel.conformance.Fail.class, MessageType.FIXED_LAYOUT));
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().addKernel(clash).build()) {
            assertThatThrownBy(() -> runtime.launch("clash", LaunchOptions.defaults()))
                    .hasMessageContaining("declares message type id 1 twice");
        }
    }

    @Test
    void shouldRejectTwoDefinitionsWithOneId() {
        assertThatThrownBy(() -> RingKernelRuntime.builder().addKernel(new ConformanceKernel())
                .addKernel(new ConformanceKernel()).build()).hasMessageContaining("share the id 'conformance'");
    }

    private static KernelDefinition definition(String id, MessageType<?>... types) {
        return KernelDefinition.of(id, List.of(types), (message, context) -> message);
    }

    /** A GPU backend on a machine without a GPU: installed, never available. */
    private static final class AbsentGpu implements Backend {
        @Override
        public BackendType type() {
            return BackendType.CUDA;
        }

        @Override
        public int priority() {
            return 100;
        }

        @Override
        public Availability availability() {
            return Availability.unavailable("no GPU in this machine");
        }

        @Override
        public List<DeviceInfo> devices() {
            return List.of();
        }

        @Override
        public Set<LaunchMode> modes() {
            return Set.of(LaunchMode.PERSISTENT);
        }

        @Override
        public LaunchMode defaultMode() {
            return LaunchMode.PERSISTENT;
        }

        @Override
        public BackendContext open(int deviceIndex, RuntimeConfig config) {
            throw new IllegalStateException("an unavailable backend is never opened");
        }
    }
}
