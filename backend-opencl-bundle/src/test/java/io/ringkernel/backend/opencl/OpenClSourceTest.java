package io.ringkernel.backend.opencl;

import io.ringkernel.spi.host.DeviceHandlerResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.protocol.MessageHeaderDescriptor;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.MessageType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated OpenCL C: one protocol, its offsets taken from the Java descriptors. */
class OpenClSourceTest {

    @Test
    void shouldDefineEveryHeaderOffsetFromTheDescriptor() {
        String header = OpenClSource.protocolHeader();
        assertThat(header)
                .contains("#define RK_HEADER_LENGTH (" + MessageHeaderDescriptor.HEADER_LENGTH + ")")
                .contains("#define RK_MESSAGE_ID_OFFSET (" + MessageHeaderDescriptor.MESSAGE_ID_OFFSET + ")")
                .contains("#define RK_CORRELATION_ID_OFFSET (" + MessageHeaderDescriptor.CORRELATION_ID_OFFSET + ")")
                .contains("#define RK_MESSAGE_TYPE_OFFSET (" + MessageHeaderDescriptor.MESSAGE_TYPE_OFFSET + ")")
                .contains("#define RK_PAYLOAD_LENGTH_OFFSET (" + MessageHeaderDescriptor.PAYLOAD_LENGTH_OFFSET + ")")
                .contains("#define RK_SKIP_TYPE (" + MessageHeaderDescriptor.PADDING_TYPE + ")")
                .contains("#define RK_REPLY_PAYLOAD_OFFSET (" + OpenClSource.REPLY_PAYLOAD_OFFSET + ")")
                .contains("#define RK_FAILED (" + DeviceHandlerResult.FAILED + ")");
    }

    @Test
    void shouldDeclareAStructForEachFixedLayoutTypeBeforeTheHandler() {
        KernelDefinition definition = DeviceKernels.arithmetic();
        String source = OpenClSource.program(new KernelProgram(definition, Map.of()));
        assertThat(source).contains("} rk_Point;");
        assertThat(source.indexOf("rk_Point;")).isLessThan(source.indexOf("#line 1 \"handler.cl\""));
        assertThat(source).endsWith(source.substring(source.indexOf("__kernel void rk_batch")));
    }

    @Test
    void shouldLeaveNonRecordAndKryoTypesOut() {
        KernelDefinition definition = KernelDefinition.of("k", List.of(MessageType.of(1, String.class, "kryo")),
                (message, context) -> message);
        assertThat(OpenClSource.program(new KernelProgram(definition, Map.of()))).doesNotContain("typedef struct");
    }
}
