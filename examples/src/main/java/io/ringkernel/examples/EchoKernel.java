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

/** Answers every {@link Greeting} with the same greeting; on OpenCL and CUDA, with the same bytes (echo.cl, echo.cu). */
@Component(service = KernelDefinition.class, property = KernelDefinition.PROPERTY_ID + "=" + EchoKernel.ID)
@RequiresBackend("CPU")
@RequiresSerializer(EchoKernel.SERIALIZER)
public final class EchoKernel implements KernelDefinition {
    /** The definition's id. */
    public static final String ID = "echo";
    /** The serializer of its messages. */
    public static final String SERIALIZER = "kryo";
    private static final Map<String, String> DEVICE_HANDLERS = DeviceHandlers.of(EchoKernel.class, ID,
            DeviceSourceFiles.read(EchoKernel.class, "echo.cl"), DeviceSourceFiles.read(EchoKernel.class, "echo.cu"));

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
        return DEVICE_HANDLERS;
    }

    @Override
    public MessageHandler javaHandler() {
        return (message, context) -> message;
    }
}
