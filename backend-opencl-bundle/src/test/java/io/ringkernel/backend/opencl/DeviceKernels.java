package io.ringkernel.backend.opencl;

import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageHandler;
import io.ringkernel.spi.MessageType;
import java.util.List;
import java.util.Map;

/** Kernel definitions with OpenCL handlers, for the OpenCL backend's own tests. */
final class DeviceKernels {
    /** Doubles x, adds 1 to y, negates the weight and keeps the id — on the device and in Java. */
    static final String ARITHMETIC = """
            int rk_handle(int message_type, __global const uchar *payload, uint payload_length,
                          __global uchar *reply, uint reply_capacity, int *reply_type) {
                __global const rk_Point *in = (__global const rk_Point *) payload;
                __global rk_Point *out = (__global rk_Point *) reply;
                out->id = in->id;
                out->x = in->x * 2;
                out->y = in->y + 1;
                out->weight = -in->weight;
                *reply_type = message_type;
                return (int) sizeof(rk_Point);
            }
            """;

    private DeviceKernels() {
    }

    /** @return a definition whose OpenCL and Java handlers compute the same {@link Point} */
    static KernelDefinition arithmetic() {
        return withOpenCl("arithmetic", ARITHMETIC, (message, context) -> {
            Point point = (Point) message;
            return new Point(point.id(), point.x() * 2, point.y() + 1, -point.weight());
        });
    }

    /**
     * @param id the definition's id
     * @param openCl its OpenCL C handler
     * @param java its Java handler
     * @return a definition of {@link Point} messages with both handlers
     */
    static KernelDefinition withOpenCl(String id, String openCl, MessageHandler java) {
        return KernelDefinition.of(id, List.of(MessageType.of(1, Point.class, MessageType.FIXED_LAYOUT)), java,
                Map.of(OpenClBackend.SOURCE_KEY, openCl));
    }
}
