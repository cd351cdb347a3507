package io.ringkernel.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.protocol.MessageHeaderDescriptor;
import io.ringkernel.protocol.RingDescriptor;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.host.DeviceHandlerResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CUDA program's generated header carries the Java constants, and nvcc compiles the loop with a
 * real handler to PTX (no GPU needed): a syntax error in the loop, the helpers or the conformance
 * handler fails here. Where nvcc is missing the compiling tests skip, unless the environment
 * variable {@value #REQUIRE_NVCC} is {@code true}, as CI sets it.
 */
class CudaSourceTest {
    static final String REQUIRE_NVCC = "RINGKERNEL_REQUIRE_NVCC";

    @TempDir
    Path cache;

    @Test
    void shouldGenerateTheHeaderFromTheDescriptorConstants() {
        assertThat(CudaSource.protocolHeader())
                .contains("#define RK_HEADER_LENGTH (" + MessageHeaderDescriptor.HEADER_LENGTH + ")")
                .contains("#define RK_MESSAGE_TYPE_OFFSET (" + MessageHeaderDescriptor.MESSAGE_TYPE_OFFSET + ")")
                .contains("#define RK_PAYLOAD_LENGTH_OFFSET (" + MessageHeaderDescriptor.PAYLOAD_LENGTH_OFFSET + ")")
                .contains("#define RK_SKIP_TYPE (" + MessageHeaderDescriptor.PADDING_TYPE + ")")
                .contains("#define RK_WORK_REQUESTS_OFFSET (" + WorkRing.REQUESTS_OFFSET + ")")
                .contains("#define RK_RESULT_PAYLOAD_OFFSET (" + WorkRing.RESULT_PAYLOAD_OFFSET + ")")
                .contains("#define RK_ENTRY_PAYLOAD_OFFSET (" + ResultRing.ENTRY_PAYLOAD_OFFSET + ")")
                .contains("#define RK_RESULT_PUBLISHED_OFFSET (" + ResultRing.PUBLISHED_OFFSET + ")")
                .contains("#define RK_RING_HEAD_OFFSET (" + RingDescriptor.HEAD_OFFSET + ")")
                .contains("#define RK_COMMIT_ADMITTED (0x8000000000000000ULL)")
                .contains("#define RK_COMMIT_END_MASK (0x3fffffffffffffffULL)")
                .contains("#define RK_FAILED (" + DeviceHandlerResult.FAILED + ")")
                .contains("#define RK_LONE_BYTES (512)"); /* a 16-byte word for each lane of warp 0 */
    }

    @Test
    void shouldTellTheDeviceWhichTypesTheDefinitionDeclares() {
        assertThat(CudaSource.knownTypes(new ConformanceKernel())).isEqualTo("#define RK_KNOWN_TYPE(t) ((t) == "
                + ConformanceKernel.PING_TYPE + " || (t) == " + ConformanceKernel.BLOB_TYPE + " || (t) == "
                + ConformanceKernel.FAIL_TYPE + ")\n");
    }

    @Test
    void shouldDeclareAStructPerFixedLayoutTypeBeforeTheHandler() {
        String program = CudaSource.program(new ConformanceKernel());
        assertThat(program.indexOf("} rk_Fail;")).isPositive().isLessThan(program.indexOf("#line 1 \"handler.cu\""));
        assertThat(program).contains("extern \"C\" __global__ void rk_loop(")
                .contains("extern \"C\" __global__ void rk_direct(");
    }

    @Test
    void shouldCompileTheConformanceKernelToPtx() {
        String ptx = nvcc().compile(CudaSource.program(new ConformanceKernel()));
        assertThat(ptx).startsWith(Nvcc.SOURCE_HASH_PREFIX).contains(".entry rk_loop").contains(".entry rk_direct");
        assertThat(Nvcc.compiledFrom(ptx, CudaSource.program(new ConformanceKernel()))).isTrue();
    }

    @Test
    void shouldCompileAStatefulHandler() {
        KernelDefinition counting = CudaKernels.withCuda("counting", CudaKernels.COUNTING, Long.BYTES);
        assertThat(nvcc().compile(CudaSource.program(counting))).contains(".entry rk_loop").contains(".entry rk_direct");
    }

    @Test
    void shouldReportNvccsErrorsWithTheHandlersLineNumbers() {
        Nvcc nvcc = nvcc();
        String broken = CudaSource.program(KernelDefinition.of("broken", new ConformanceKernel().messageTypes(),
                (message, context) -> message, Map.of(CudaBackend.SOURCE_KEY, """
                        __device__ int rk_handle(int message_type, const unsigned char *payload, unsigned int payload_length,
                                                 unsigned char *reply, unsigned int reply_capacity, int *reply_type) {
                            return undeclared_name;
                        }
                        """)));
        assertThatThrownBy(() -> nvcc.compile(broken)).isInstanceOf(Nvcc.NvccException.class)
                .hasMessageContaining("handler.cu(3)").hasMessageContaining("undeclared_name");
    }

    private Nvcc nvcc() {
        Optional<Nvcc> found = Nvcc.find(cache);
        if (Boolean.parseBoolean(System.getenv(REQUIRE_NVCC))) {
            assertThat(found).as("nvcc, required by " + REQUIRE_NVCC).isPresent();
        }
        assumeTrue(found.isPresent(), "nvcc not found on PATH, in $CUDA_HOME/bin or /usr/local/cuda/bin");
        return found.orElseThrow();
    }
}
