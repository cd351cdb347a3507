package io.ringkernel.backend.opencl;

import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.host.DeviceProgramHeader;

/**
 * Builds the OpenCL C program of a kernel: a header generated from the protocol's descriptor
 * constants (so device and host read the same offsets), a C struct for each fixed-layout message
 * type, the kernel's handler, and the batch kernel that runs the handler once per message.
 *
 * <p>The handler has one signature:
 * <pre>
 * int rk_handle(int message_type, __global const uchar *payload, uint payload_length,
 *               __global uchar *reply, uint reply_capacity, int *reply_type);
 * </pre>
 * It returns the reply's length and sets {@code *reply_type}; or {@code RK_NO_REPLY}; or
 * {@code RK_FAILED} after writing a NUL-terminated explanation into {@code reply}, which the
 * sender receives as a {@code HANDLER_FAILED} error. {@code rk_append_text} and
 * {@code rk_append_long} help write that explanation; {@code rk_reply_copy} answers with a copy of
 * the message. A kernel with
 * {@link io.ringkernel.spi.KernelDefinition#deviceStateBytes() device state} implements
 * {@code rk_handle_stateful} instead, with a last parameter {@code __global uchar *state}
 * ({@code RK_STATE_BYTES} long), and its batch runs in one work-item, message after message.
 */
final class OpenClSource {
    /** Name of the batch kernel in the program. */
    static final String BATCH_KERNEL = "rk_batch";
    /** Offset of a message's result (reply length, RK_NO_REPLY or RK_FAILED) in its reply slot. */
    static final int RESULT_OFFSET = 0;
    /** Offset of the reply's wire type in its reply slot. */
    static final int REPLY_TYPE_OFFSET = 4;
    /** Offset of the reply's payload in its reply slot. */
    static final int REPLY_PAYLOAD_OFFSET = 16;

    private OpenClSource() {
    }

    /**
     * @return the protocol header: message header offsets, reply slot layout and result codes,
     *         all from the Java constants
     */
    static String protocolHeader() {
        return String.join("\n",
                "/* Generated from io.ringkernel.protocol.MessageHeaderDescriptor: do not edit. */",
                DeviceProgramHeader.messageDefines(),
                define("RK_RESULT_OFFSET", RESULT_OFFSET),
                define("RK_REPLY_TYPE_OFFSET", REPLY_TYPE_OFFSET),
                define("RK_REPLY_PAYLOAD_OFFSET", REPLY_PAYLOAD_OFFSET),
                "") + HELPERS;
    }

    /**
     * @param program a kernel definition whose device sources hold an OpenCL C handler
     * @return the whole program source
     */
    static String program(KernelProgram program) {
        return protocolHeader() + DeviceProgramHeader.definitionDeclarations(program.definition())
                + "#line 1 \"handler.cl\"\n"
                + program.definition().deviceSources().get(OpenClBackend.SOURCE_KEY) + '\n'
                + BATCH;
    }

    private static String define(String name, int value) {
        return DeviceProgramHeader.define(name, value);
    }

    private static final String HELPERS = """

            int rk_handle(int message_type, __global const uchar *payload, uint payload_length,
                          __global uchar *reply, uint reply_capacity, int *reply_type);

            /* Appends NUL-terminated text at 'at'; returns the new end, the NUL not counted. */
            static inline uint rk_append_text(__global uchar *out, uint at, uint capacity, __constant char *text);

            /* Replies with a copy of the message, same type and bytes; fails if it does not fit. */
            static inline int rk_reply_copy(int message_type, __global const uchar *payload, uint payload_length,
                                            __global uchar *reply, uint reply_capacity, int *reply_type) {
                if (payload_length > reply_capacity) {
                    rk_append_text(reply, 0, reply_capacity, "message larger than the reply capacity");
                    return RK_FAILED;
                }
                for (uint i = 0; i < payload_length; i++) {
                    reply[i] = payload[i];
                }
                *reply_type = message_type;
                return (int) payload_length;
            }

            static inline uint rk_append_text(__global uchar *out, uint at, uint capacity, __constant char *text) {
                while (*text != 0 && at + 1 < capacity) {
                    out[at++] = (uchar) *text++;
                }
                if (at < capacity) {
                    out[at] = 0;
                }
                return at;
            }

            /* Appends a decimal number at 'at'; returns the new end, the NUL not counted. */
            static inline uint rk_append_long(__global uchar *out, uint at, uint capacity, long value) {
                uchar digits[20];
                int count = 0;
                ulong magnitude = value < 0 ? (ulong) (-(value + 1)) + 1 : (ulong) value;
                if (value < 0 && at + 1 < capacity) {
                    out[at++] = '-';
                }
                do {
                    digits[count++] = (uchar) ('0' + magnitude % 10);
                    magnitude /= 10;
                } while (magnitude != 0);
                while (count > 0 && at + 1 < capacity) {
                    out[at++] = digits[--count];
                }
                if (at < capacity) {
                    out[at] = 0;
                }
                return at;
            }

            """;

    private static final String BATCH = """

            #ifdef RK_STATE_BYTES
            int rk_handle_stateful(int message_type, __global const uchar *payload, uint payload_length,
                                   __global uchar *reply, uint reply_capacity, int *reply_type, __global uchar *state);
            #define RK_STATE_PARAMETER , __global uchar *state
            #define RK_STATE_ARGUMENT , state
            #define RK_HANDLER rk_handle_stateful
            #else
            #define RK_STATE_PARAMETER
            #define RK_STATE_ARGUMENT
            #define RK_HANDLER rk_handle
            #endif

            static void rk_process(__global const uchar *requests, __global uchar *replies, uint stride, uint index
                                   RK_STATE_PARAMETER) {
                __global const uchar *request = requests + (size_t) index * stride;
                __global uchar *reply = replies + (size_t) index * stride;
                int type = *((__global const int *) (request + RK_MESSAGE_TYPE_OFFSET));
                int reply_type = 0;
                int result = RK_NO_REPLY;
                if (type != RK_SKIP_TYPE) {
                    uint length = *((__global const uint *) (request + RK_PAYLOAD_LENGTH_OFFSET));
                    result = RK_HANDLER(type, request + RK_HEADER_LENGTH, length, reply + RK_REPLY_PAYLOAD_OFFSET,
                                        stride - RK_REPLY_PAYLOAD_OFFSET, &reply_type RK_STATE_ARGUMENT);
                }
                *((__global int *) (reply + RK_RESULT_OFFSET)) = result;
                *((__global int *) (reply + RK_REPLY_TYPE_OFFSET)) = reply_type;
            }

            /* Stateless: one work-item per message. With state: one work-item, the messages in order. */
            __kernel void rk_batch(__global const uchar *requests, __global uchar *replies, uint stride, uint count
                                   RK_STATE_PARAMETER) {
            #ifdef RK_STATE_BYTES
                if (get_global_id(0) == 0) {
                    for (uint index = 0; index < count; index++) {
                        rk_process(requests, replies, stride, index RK_STATE_ARGUMENT);
                    }
                }
            #else
                size_t index = get_global_id(0);
                if (index < count) {
                    rk_process(requests, replies, stride, (uint) index);
                }
            #endif
            }
            """;
}
