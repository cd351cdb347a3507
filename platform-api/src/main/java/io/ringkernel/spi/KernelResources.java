package io.ringkernel.spi;

import io.ringkernel.api.Dim3;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.Telemetry;

/**
 * What the runtime allocated for one kernel instance, in memory from the backend's
 * {@link BackendContext#allocate}.
 *
 * @param kernelId the kernel's id
 * @param kernelNumber the kernel's number on the wire (source/destination fields)
 * @param mode the launch mode chosen
 * @param grid grid extent
 * @param block block extent
 * @param controlBlock flyweight over the kernel's control block
 * @param telemetry flyweight over the kernel's telemetry buffer
 * @param input the input ring (host produces, kernel consumes)
 * @param output the output ring (kernel produces, host consumes)
 * @param signals the runtime's callbacks
 */
public record KernelResources(String kernelId, int kernelNumber, LaunchMode mode, Dim3 grid, Dim3 block,
                              ControlBlock controlBlock, Telemetry telemetry, ManyToOneSlotRing input,
                              ManyToOneSlotRing output, KernelSignals signals) {
}
