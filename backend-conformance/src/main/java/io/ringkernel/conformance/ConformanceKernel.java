package io.ringkernel.conformance;

import io.ringkernel.spi.DeviceSourceFiles;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageHandler;
import io.ringkernel.spi.MessageType;
import java.util.List;
import java.util.Map;

/**
 * The kernel the conformance suite drives: echoes {@link Ping} and {@link Blob}, throws on
 * {@link Fail}. All types use the fixed-layout serializer so that device handlers can read them;
 * its Aparapi handler is {@link ConformanceHandler}.
 */
public final class ConformanceKernel implements KernelDefinition {
    /** The definition's id. */
    public static final String ID = "conformance";
    /** Wire type of {@link Ping}. */
    public static final int PING_TYPE = 1;
    /** Wire type of {@link Blob}. */
    public static final int BLOB_TYPE = 2;
    /** Wire type of {@link Fail}. */
    public static final int FAIL_TYPE = 3;
    private static final String OPENCL_HANDLER = DeviceSourceFiles.read(ConformanceKernel.class, "conformance.cl");
    private static final String CUDA_HANDLER = DeviceSourceFiles.read(ConformanceKernel.class, "conformance.cu");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<MessageType<?>> messageTypes() {
        return List.of(MessageType.of(PING_TYPE, Ping.class, MessageType.FIXED_LAYOUT),
                MessageType.of(BLOB_TYPE, Blob.class, MessageType.FIXED_LAYOUT),
                MessageType.of(FAIL_TYPE, Fail.class, MessageType.FIXED_LAYOUT));
    }

    @Override
    public Map<String, String> deviceSources() {
        return Map.of("opencl", OPENCL_HANDLER, "cuda", CUDA_HANDLER, "aparapi", ConformanceHandler.class.getName());
    }

    @Override
    public MessageHandler javaHandler() {
        return (message, context) -> {
            if (message instanceof Fail fail) {
                throw new IllegalStateException("failure " + fail.code() + " requested by the sender");
            }
            return message;
        };
    }
}
