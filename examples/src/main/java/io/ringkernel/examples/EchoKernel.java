package io.ringkernel.examples;

import io.ringkernel.spi.DeviceSourceFiles;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageHandler;
import io.ringkernel.spi.MessageType;
import io.ringkernel.spi.RequiresBackend;
import io.ringkernel.spi.RequiresSerializer;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Answers every {@link Greeting} with the same greeting; on OpenCL, with the same bytes (echo.cl). */
@Component(service = KernelDefinition.class, property = KernelDefinition.PROPERTY_ID + "=" + EchoKernel.ID)
@RequiresBackend("CPU")
@RequiresSerializer(EchoKernel.SERIALIZER)
public final class EchoKernel implements KernelDefinition {
    /** The definition's id. */
    public static final String ID = "echo";
    private static final String OPENCL_HANDLER = DeviceSourceFiles.read(EchoKernel.class, "echo.cl");
    /** The serializer of its messages. */
    public static final String SERIALIZER = "kryo";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<MessageType<?>> messageTypes() {
        return List.of(MessageType.of(1, Greeting.class, SERIALIZER));
    }

    @Override
    public Map<String, String> deviceSources() {
        return Map.of("opencl", OPENCL_HANDLER);
    }

    @Override
    public MessageHandler javaHandler() {
        return (message, context) -> message;
    }
}
