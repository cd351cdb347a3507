package io.ringkernel.runtime.internal;

import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ControlBlockDescriptor;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.RingDescriptor;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.protocol.TelemetryDescriptor;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.DeviceBuffer;
import java.util.List;

/**
 * A kernel's memory, allocated by its backend: control block, telemetry and the two rings.
 * Rings take capacity × slot size bytes; a large message spans consecutive slots, so nothing is
 * reserved per slot for the largest possible message.
 */
final class KernelMemory implements AutoCloseable {
    final ControlBlock controlBlock;
    final Telemetry telemetry;
    final ManyToOneSlotRing input;
    final ManyToOneSlotRing output;
    private final List<DeviceBuffer> buffers;

    KernelMemory(BackendContext context, int inputCapacity, int outputCapacity, int slotSize) {
        DeviceBuffer control = context.allocate(ControlBlockDescriptor.LENGTH, ControlBlockDescriptor.ALIGNMENT);
        DeviceBuffer stats = context.allocate(TelemetryDescriptor.LENGTH, TelemetryDescriptor.ALIGNMENT);
        DeviceBuffer in = context.allocate(RingDescriptor.requiredBytes(inputCapacity, slotSize), RingDescriptor.ALIGNMENT);
        DeviceBuffer out = context.allocate(RingDescriptor.requiredBytes(outputCapacity, slotSize), RingDescriptor.ALIGNMENT);
        this.buffers = List.of(control, stats, in, out);
        this.controlBlock = new ControlBlock(control.hostView(), 0);
        this.telemetry = new Telemetry(stats.hostView(), 0);
        this.input = new ManyToOneSlotRing(in.hostView(), inputCapacity, slotSize);
        this.output = new ManyToOneSlotRing(out.hostView(), outputCapacity, slotSize);
    }

    @Override
    public void close() {
        buffers.forEach(DeviceBuffer::close);
    }
}
