package io.ringkernel.integration;

import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageType;
import java.util.List;
import java.util.Map;

/**
 * A fixed-layout message for the OpenCL and chaos tests: a kernel of {@link #definition} echoes it
 * some hops further, on the CPU and on an OpenCL device alike.
 *
 * @param sequence which call it is
 * @param hops how many handlers it passed through
 */
public record Tick(long sequence, int hops) {
    /** The OpenCL handler; {@code %d} is the number of hops it adds. */
    private static final String OPENCL_HANDLER = """
            int rk_handle(int message_type, __global const uchar *payload, uint payload_length,
                          __global uchar *reply, uint reply_capacity, int *reply_type) {
                __global const rk_Tick *in = (__global const rk_Tick *) payload;
                __global rk_Tick *out = (__global rk_Tick *) reply;
                out->sequence = in->sequence;
                out->hops = in->hops + %d;
                *reply_type = message_type;
                return (int) sizeof(rk_Tick);
            }
            """;

    /**
     * A kernel that answers each tick with the same sequence, {@code hopsAdded} hops further: in
     * Java and in OpenCL C.
     *
     * @param id the definition's id
     * @param hopsAdded how many hops each handler adds
     * @return the definition
     */
    public static KernelDefinition definition(String id, int hopsAdded) {
        return KernelDefinition.of(id, List.of(MessageType.of(1, Tick.class, MessageType.FIXED_LAYOUT)),
                (message, kernelContext) -> {
                    Tick tick = (Tick) message;
                    return new Tick(tick.sequence(), tick.hops() + hopsAdded);
                }, Map.of("opencl", OPENCL_HANDLER.formatted(hopsAdded)));
    }
}
