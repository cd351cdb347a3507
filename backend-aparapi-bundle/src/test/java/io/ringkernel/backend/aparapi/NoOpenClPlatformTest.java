package io.ringkernel.backend.aparapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Ping;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Where no OpenCL platform exists, Aparapi's Java thread pool is the backend's only device and
 * runs the kernels. Runs in a JVM of its own whose ICD loader finds no platform: see the
 * {@code no-opencl} execution in this module's pom.
 */
@Tag("no-opencl")
class NoOpenClPlatformTest {

    @Test
    void shouldFallBackToTheJavaThreadPoolAndSaySo() {
        assumeTrue(Boolean.parseBoolean(System.getenv("RINGKERNEL_EXPECT_NO_OPENCL")),
                "runs only in the no-opencl surefire execution, whose OpenCL ICD loader finds no platform");
        AparapiBackend backend = new AparapiBackend();
        assertThat(backend.devices()).singleElement()
                .satisfies(device -> assertThat(device.name()).isEqualTo(AparapiDevices.THREAD_POOL_NAME));
        assertThat(backend.openClProblem()).isNotEmpty();
        assertThat(backend.priority()).isEqualTo(AparapiBackend.CPU_ONLY_PRIORITY);
        RingKernelRuntime runtime = RingKernelRuntime.builder().backend(BackendType.APARAPI).discoverPlugins(false)
                .addSerializer(new FixedLayoutSerializer()).addBackend(backend)
                .addKernel(new ConformanceKernel()).build();
        try {
            KernelHandle kernel = runtime.launch("k", LaunchOptions.defaults().withDefinition(ConformanceKernel.ID));
            assertThat(kernel.call(new Ping(1, 2), Ping.class, Duration.ofSeconds(10))).isEqualTo(new Ping(1, 2));
            assertThat(kernel.metrics().device().name()).isEqualTo(AparapiDevices.THREAD_POOL_NAME);
            assertThat(runtime.backends()).filteredOn(info -> info.type() == BackendType.APARAPI).singleElement()
                    .satisfies(info -> assertThat(info.devices()).hasSize(1));
        } finally {
            runtime.shutdown();
        }
    }
}
