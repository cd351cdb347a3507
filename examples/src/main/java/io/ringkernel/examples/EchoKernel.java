package io.ringkernel.examples;

import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageHandler;
import io.ringkernel.spi.MessageType;
import io.ringkernel.spi.RequiresBackend;
import io.ringkernel.spi.RequiresSerializer;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** Answers every {@link Greeting} with the same greeting. */
@Component(service = KernelDefinition.class, property = KernelDefinition.PROPERTY_ID + "=" + EchoKernel.ID)
@RequiresBackend("CPU")
@RequiresSerializer(EchoKernel.SERIALIZER)
public final class EchoKernel implements KernelDefinition {
    /** The definition's id. */
    public static final String ID = "echo";
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
    public MessageHandler javaHandler() {
        return (message, context) -> message;
    }
}
