package io.ringkernel.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringkernel.backend.cuda.CudaBackend;
import io.ringkernel.backend.cuda.PtxBuilder;
import io.ringkernel.spi.KernelDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build compiled the sample kernels' CUDA handlers to PTX and packed it beside them, built
 * from their current handlers, so they run on a GPU machine without nvcc. Needs no GPU; skipped
 * where the build had no nvcc, unless {@value PtxBuilder#REQUIRE_NVCC} is true (as in CI).
 */
class PrebuiltPtxTest {

    static Stream<KernelDefinition> definitions() {
        return Stream.of(new EchoKernel(), new RollingStatisticsKernel());
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void shouldCarryPtxBuiltFromTheCurrentCudaHandler(KernelDefinition definition) {
        boolean nvcc = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"), new String[] {"/usr/local/cuda/bin"})
                .flatMap(Stream::of).anyMatch(directory -> Files.isExecutable(Path.of(directory, "nvcc")));
        assumeTrue(nvcc || Boolean.parseBoolean(System.getenv(PtxBuilder.REQUIRE_NVCC)), "nvcc is not installed here");
        assertThat(definition.deviceSources()).containsKey("cuda-ptx");
        assertThat(CudaBackend.hasPrebuiltPtx(definition)).as("PTX matches the current handler").isTrue();
    }
}
