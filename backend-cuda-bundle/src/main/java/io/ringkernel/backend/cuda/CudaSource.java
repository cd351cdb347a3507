package io.ringkernel.backend.cuda;

import io.ringkernel.protocol.ErrorPayload;
import io.ringkernel.protocol.RingDescriptor;
import io.ringkernel.spi.DeviceSourceFiles;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.host.DeviceProgramHeader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Builds the CUDA C++ program of a kernel: a header generated from the protocol's descriptor
 * constants and {@link WorkRing}'s layout (so device and host read the same offsets), a C struct
 * for each fixed-layout message type, the helpers, the kernel's handler, and the loop that runs
 * it: {@code rk_direct}, which stays resident and reads the input ring itself, or {@code rk_loop},
 * launched per batch.
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
    /** Name of the EVENT_DRIVEN loop kernel in the program. */
    static final String LOOP_KERNEL = "rk_loop";
    /** Name of the PERSISTENT loop kernel in the program, which reads the input ring itself. */
    static final String DIRECT_KERNEL = "rk_direct";
    /** Most slots the PERSISTENT loop polls, and records it takes, a round, whatever its block. */
    static final long MAX_WINDOW = 1024;
    /** Commit words a thread polls with relaxed loads beside its own slot's, in one bus round trip. */
    static final long POLL_BATCH = 8;
    /** 16-byte words a thread copies per bus round trip between mapped and device memory. */
    static final long COPY_WORDS = 16;
    /** Most bytes of a record the PERSISTENT loop's warp 0 takes alone in a lone round: a 16-byte word a lane. */
    static final long LONE_BYTES = 32 * 16;
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
                define("RK_WORK_REQUESTS_OFFSET", WorkRing.REQUESTS_OFFSET),
                define("RK_RESULT_CODE_OFFSET", WorkRing.RESULT_CODE_OFFSET),
                define("RK_RESULT_TYPE_OFFSET", WorkRing.RESULT_TYPE_OFFSET),
                define("RK_RESULT_PAYLOAD_OFFSET", WorkRing.RESULT_PAYLOAD_OFFSET),
                define("RK_RESULT_COMMAND_OFFSET", ResultRing.COMMAND_OFFSET),
                define("RK_RESULT_ACKNOWLEDGED_OFFSET", ResultRing.ACKNOWLEDGED_OFFSET),
                define("RK_RESULT_PUBLISHED_OFFSET", ResultRing.PUBLISHED_OFFSET),
                define("RK_RESULT_HANDLED_OFFSET", ResultRing.HANDLED_OFFSET),
                define("RK_RESULT_LATEST_OFFSET", ResultRing.LATEST_OFFSET),
                define("RK_RESULT_WAITING_OFFSET", ResultRing.WAITING_OFFSET),
                define("RK_RESULT_COLLECTED_OFFSET", ResultRing.COLLECTED_OFFSET),
                define("RK_RESULT_ENTRIES_OFFSET", ResultRing.ENTRIES_OFFSET),
                define("RK_ENTRY_POSITION_OFFSET", ResultRing.ENTRY_POSITION_OFFSET),
                define("RK_ENTRY_CODE_OFFSET", ResultRing.ENTRY_CODE_OFFSET),
                define("RK_ENTRY_TYPE_OFFSET", ResultRing.ENTRY_TYPE_OFFSET),
                define("RK_ENTRY_PAYLOAD_OFFSET", ResultRing.ENTRY_PAYLOAD_OFFSET),
                define("RK_ENTRY_REFUSED", ResultRing.REFUSED),
                define("RK_ENTRY_UNKNOWN_TYPE", ResultRing.UNKNOWN_TYPE),
                define("RK_RING_HEAD_OFFSET", RingDescriptor.HEAD_OFFSET),
                mark("RK_COMMIT_ADMITTED", RingDescriptor.COMMIT_ADMITTED),
                mark("RK_COMMIT_REJECTED", RingDescriptor.COMMIT_REJECTED),
                mark("RK_COMMIT_END_MASK", RingDescriptor.COMMIT_END_MASK),
                define("RK_MAX_WINDOW", MAX_WINDOW),
                define("RK_COMMAND_RUN", ResultRing.RUN),
                define("RK_COMMAND_PARK", ResultRing.PARK),
                define("RK_COMMAND_EXIT", ResultRing.EXIT),
                define("RK_POLL_BATCH", POLL_BATCH),
                define("RK_COPY_WORDS", COPY_WORDS),
                define("RK_LONE_BYTES", LONE_BYTES),
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
        return protocolHeader() + DeviceProgramHeader.definitionDeclarations(definition) + knownTypes(definition)
                + DeviceSourceFiles.read(CudaSource.class, "rk_device.cuh") + '\n'
                + "#line 1 \"handler.cu\"\n"
                + definition.deviceSources().get(CudaBackend.SOURCE_KEY) + '\n'
                + "#line 1 \"rk_loop.cuh\"\n"
                + DeviceSourceFiles.read(CudaSource.class, "rk_loop.cuh") + '\n'
                + "#line 1 \"rk_direct.cuh\"\n"
                + DeviceSourceFiles.read(CudaSource.class, "rk_direct.cuh");
    }

    /**
     * @param definition a kernel definition
     * @return {@code RK_KNOWN_TYPE(t)}: whether the definition declares wire type {@code t}
     */
    static String knownTypes(KernelDefinition definition) {
        String test = definition.messageTypes().stream().map(type -> "(t) == " + type.typeId())
                .collect(Collectors.joining(" || "));
        return "#define RK_KNOWN_TYPE(t) (" + (test.isEmpty() ? "0" : test) + ")\n";
    }

    /** @return a 64-bit mask as an unsigned C literal, which a negative {@code long} cannot be */
    private static String mark(String name, long bits) {
        return "#define " + name + " (0x" + Long.toHexString(bits) + "ULL)";
    }

    private static String define(String name, long value) {
        return DeviceProgramHeader.define(name, value);
    }
}
