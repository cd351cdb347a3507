package io.ringkernel.runtime.internal.cpu;

import io.ringkernel.api.HlcTimestamp;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.spi.HandlerContext;

/** The handler's view of the message being processed: a flyweight over its header. */
final class CpuHandlerContext implements HandlerContext {
    private final String kernelId;
    private MessageHeader header;

    CpuHandlerContext(String kernelId) {
        this.kernelId = kernelId;
    }

    CpuHandlerContext wrap(MessageHeader current) {
        this.header = current;
        return this;
    }

    @Override
    public String kernelId() {
        return kernelId;
    }

    @Override
    public long messageId() {
        return header.messageId();
    }

    @Override
    public long correlationId() {
        return header.correlationId();
    }

    @Override
    public int messageType() {
        return header.messageType();
    }

    @Override
    public HlcTimestamp timestamp() {
        return HybridLogicalClock.unpack(header.timestamp(), header.sourceKernel());
    }
}
