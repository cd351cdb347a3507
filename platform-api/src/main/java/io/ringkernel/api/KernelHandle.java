package io.ringkernel.api;

import io.ringkernel.spi.MessageType;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** A launched kernel, bound to its id. Obtained from {@link RingKernelRuntime#launch}. */
@ProviderType
public interface KernelHandle extends KernelOperations {

    /** @return the kernel's id */
    String id();

    /** @return the message types the kernel accepts and produces, as its definition declares them */
    List<MessageType<?>> messageTypes();
}
