package io.ringkernel.spi;

import io.ringkernel.api.HlcTimestamp;
import org.osgi.annotation.versioning.ProviderType;

/** What a handler knows about the message it is processing. */
@ProviderType
public interface HandlerContext {

    /** @return the id of the kernel processing the message */
    String kernelId();

    /** @return the message's id */
    long messageId();

    /** @return the message's correlation id (0 when it has none) */
    long correlationId();

    /** @return the message's wire type id */
    int messageType();

    /** @return the sender's hybrid logical clock when it sent the message */
    HlcTimestamp timestamp();
}
