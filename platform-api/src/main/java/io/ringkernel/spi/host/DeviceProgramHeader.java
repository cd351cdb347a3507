package io.ringkernel.spi.host;

import static io.ringkernel.protocol.MessageHeaderDescriptor.CHECKSUM_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.COMMIT_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.CORRELATION_ID_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.DEADLINE_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAGS_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_ID_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_TYPE_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_MARK;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_TYPE;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PAYLOAD_LENGTH_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.SOURCE_KERNEL_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.TIMESTAMP_OFFSET;

import io.ringkernel.codec.FixedLayout;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageType;

/**
 * The parts of a device program that every device backend generates alike, in C syntax that
 * OpenCL C and CUDA C++ both read: the message header's offsets and the handler's result codes as
 * {@code RK_*} macros from the Java constants (one protocol), and a struct
 * {@code rk_<SimpleName>} per fixed-layout message type.
 */
public final class DeviceProgramHeader {

    private DeviceProgramHeader() {
    }

    /** @return the message header offsets, the skip type and the result codes, one macro a line */
    public static String messageDefines() {
        return String.join("\n",
                define("RK_HEADER_LENGTH", HEADER_LENGTH),
                define("RK_MESSAGE_ID_OFFSET", MESSAGE_ID_OFFSET),
                define("RK_CORRELATION_ID_OFFSET", CORRELATION_ID_OFFSET),
                define("RK_TIMESTAMP_OFFSET", TIMESTAMP_OFFSET),
                define("RK_DEADLINE_OFFSET", DEADLINE_OFFSET),
                define("RK_SOURCE_KERNEL_OFFSET", SOURCE_KERNEL_OFFSET),
                define("RK_MESSAGE_TYPE_OFFSET", MESSAGE_TYPE_OFFSET),
                define("RK_PAYLOAD_LENGTH_OFFSET", PAYLOAD_LENGTH_OFFSET),
                define("RK_FLAGS_OFFSET", FLAGS_OFFSET),
                define("RK_COMMIT_OFFSET", COMMIT_OFFSET),
                define("RK_CHECKSUM_OFFSET", CHECKSUM_OFFSET),
                define("RK_SKIP_TYPE", PADDING_TYPE),
                define("RK_PADDING_MARK", PADDING_MARK),
                define("RK_NO_REPLY", DeviceHandlerResult.NO_REPLY),
                define("RK_FAILED", DeviceHandlerResult.FAILED),
                "");
    }

    /**
     * @param definition a kernel definition
     * @return its state size as {@code RK_STATE_BYTES} if it keeps device state, and a C struct
     *         for each of its fixed-layout record types
     */
    public static String definitionDeclarations(KernelDefinition definition) {
        StringBuilder declarations = new StringBuilder();
        int stateBytes = definition.deviceStateBytes();
        if (stateBytes > 0) {
            declarations.append(define("RK_STATE_BYTES", stateBytes)).append('\n');
        }
        for (MessageType<?> type : definition.messageTypes()) {
            if (MessageType.FIXED_LAYOUT.equals(type.serializer()) && type.javaType().isRecord()) {
                declarations.append(FixedLayout.of(type.javaType().asSubclass(Record.class))
                        .cStruct("rk_" + type.javaType().getSimpleName())).append('\n');
            }
        }
        return declarations.toString();
    }

    /**
     * @param name a macro name
     * @param value its value
     * @return {@code #define name (value)}
     */
    public static String define(String name, long value) {
        return "#define " + name + " (" + value + ")";
    }
}
