package io.ringkernel.backend.cuda;

import io.ringkernel.protocol.ErrorPayload;
import io.ringkernel.spi.DeviceSourceFiles;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.host.DeviceProgramHeader;
import java.util.concurrent.TimeUnit;

/**
 * Builds the CUDA C++ program of a kernel: a header generated from the protocol's descriptor
 * constants and {@link WorkRing}'s layout (so device and host read the same offsets), a C struct
 * for each fixed-layout message type, the helpers, the kernel's handler, and the loop that runs
 * it ({@code rk_loop}, persistent or per batch).
 *
 * <p>The handler has one signature:
 * <pre>
 * __device__ int rk_handle(int message_type, const unsigned char *payload, unsigned int payload_length,
 *                          unsigned char *reply, unsigned int reply_capacity, int *reply_type);
 * </pre>
 * It returns the reply's length and sets {@code *reply_type}; or {@code RK_NO_REPLY}; or
 * {@code RK_FAILED} after writing a NUL-terminated explanation into {@code reply}, which the
 * sender receives as a {@code HANDLER_FAILED} error. {@code rk_append_text},
 * {@code rk_append_long} and {@code rk_reply_copy} help. A kernel with
 * {@link KernelDefinition#deviceStateBytes() device state} implements {@code rk_handle_stateful}
 * with a last parameter {@code unsigned char *state} ({@code RK_STATE_BYTES} long, in device
 * memory), and its messages are handled one at a time, in order.
 */
final class CudaSource {
    /** Name of the loop kernel in the program. */
    static final String LOOP_KERNEL = "rk_loop";
    /** 16-byte words a thread copies per bus round trip between mapped and device memory. */
    static final long COPY_WORDS = 16;
    /** Bytes of a request copied before its header is read: the header and the start of the payload. */
    static final long FIRST_COPY_BYTES = 256;
    /** Bytes of a failing handler's explanation copied back. */
    static final long FAILURE_TEXT_BYTES = ErrorPayload.MAX_DETAIL_BYTES;
    /** Empty polls a running loop makes back to back before it starts to sleep between polls. */
    static final long IDLE_SPIN_POLLS = 4096;
    /** Longest a running loop sleeps between polls of an empty ring. */
    static final long IDLE_SLEEP_NANOS = 1_000;
    /** Longest a parked loop sleeps between polls. */
    static final long PARK_SLEEP_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private CudaSource() {
    }

    /**
     * @return the protocol header: message header offsets, the work ring's layout, commands and
     *         result codes, all from the Java constants
     */
    static String protocolHeader() {
        return String.join("\n",
                "/* Generated from io.ringkernel.protocol.MessageHeaderDescriptor and the CUDA work ring: do not edit. */",
                DeviceProgramHeader.messageDefines(),
                define("RK_WORK_COMMAND_OFFSET", WorkRing.COMMAND_OFFSET),
                define("RK_WORK_HEAD_OFFSET", WorkRing.HEAD_OFFSET),
                define("RK_WORK_COMPLETED_OFFSET", WorkRing.COMPLETED_OFFSET),
                define("RK_WORK_REQUESTS_OFFSET", WorkRing.REQUESTS_OFFSET),
                define("RK_SEQUENCE_OFFSET", WorkRing.SEQUENCE_OFFSET),
                define("RK_RESULT_CODE_OFFSET", WorkRing.RESULT_CODE_OFFSET),
                define("RK_RESULT_TYPE_OFFSET", WorkRing.RESULT_TYPE_OFFSET),
                define("RK_RESULT_PAYLOAD_OFFSET", WorkRing.RESULT_PAYLOAD_OFFSET),
                define("RK_COMMAND_RUN", WorkRing.RUN),
                define("RK_COMMAND_PARK", WorkRing.PARK),
                define("RK_COMMAND_EXIT", WorkRing.EXIT),
                define("RK_COPY_WORDS", COPY_WORDS),
                define("RK_FIRST_COPY_BYTES", FIRST_COPY_BYTES),
                define("RK_FAILURE_TEXT_BYTES", FAILURE_TEXT_BYTES),
                define("RK_IDLE_SPIN_POLLS", IDLE_SPIN_POLLS),
                define("RK_IDLE_SLEEP_NANOS", IDLE_SLEEP_NANOS),
                define("RK_PARK_SLEEP_NANOS", PARK_SLEEP_NANOS),
                "");
    }

    /**
     * @param definition a kernel definition whose device sources hold a CUDA handler
     * @return the whole program source
     */
    static String program(KernelDefinition definition) {
        return protocolHeader() + DeviceProgramHeader.definitionDeclarations(definition)
                + DeviceSourceFiles.read(CudaSource.class, "rk_device.cuh") + '\n'
                + "#line 1 \"handler.cu\"\n"
                + definition.deviceSources().get(CudaBackend.SOURCE_KEY) + '\n'
                + "#line 1 \"rk_loop.cuh\"\n"
                + DeviceSourceFiles.read(CudaSource.class, "rk_loop.cuh");
    }

    private static String define(String name, long value) {
        return DeviceProgramHeader.define(name, value);
    }
}
