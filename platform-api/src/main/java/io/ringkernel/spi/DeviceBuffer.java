package io.ringkernel.spi;

import java.nio.ByteBuffer;
import org.osgi.annotation.versioning.ConsumerType;

/** Memory shared by host and device. */
@ConsumerType
public interface DeviceBuffer extends AutoCloseable {

    /** @return a little-endian host view over the whole buffer */
    ByteBuffer hostView();

    /** @return the address the device uses for the buffer (0 on the CPU backend) */
    long deviceAddress();

    /** Frees the buffer; the host view must not be used afterwards. */
    @Override
    void close();
}
