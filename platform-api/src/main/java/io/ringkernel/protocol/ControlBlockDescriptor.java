package io.ringkernel.protocol;

/**
 * Layout of a kernel's 128-byte control block, 128-byte aligned. Line 0 is written by the host
 * and read by the kernel; line 1 is written by the kernel and read by the host, so neither side
 * writes a cache line the other writes.
 *
 * <pre>
 *  line 0 (host writes)                         line 1 (kernel writes)
 *   0 int  activeRequested   (1 = process)       64 int  hasTerminated (1 = loop exited)
 *   4 int  terminateRequested (1 = exit)         68 int  lastError (ErrorCode wire value)
 *   8 int  kernelNumber                          72 long heartbeat (loop iterations)
 *  12 int  protocolVersion                       80 long inFlight (messages being processed)
 *  16 int  inputCapacity (slots)                 88 long clock (kernel's last HLC, packed)
 *  20 int  inputSlotSize                         96..127 reserved
 *  24 int  outputCapacity (slots)
 *  28 int  outputSlotSize
 *  32 int  maxPayload (bytes)
 *  36 int  mode (0 persistent, 1 event-driven)
 *  40..63 reserved
 * </pre>
 *
 * <p>Flags are written with release stores and read with acquire loads (volatile + fence on the
 * device).
 */
public final class ControlBlockDescriptor {
    /** Length of the control block. */
    public static final int LENGTH = 128;
    /** Required alignment. */
    public static final int ALIGNMENT = 128;

    /** Host asks the kernel to process (1) or park (0). */
    public static final int ACTIVE_REQUESTED_OFFSET = 0;
    /** Host asks the kernel's loop to exit (1). */
    public static final int TERMINATE_REQUESTED_OFFSET = 4;
    /** The kernel's number on the wire. */
    public static final int KERNEL_NUMBER_OFFSET = 8;
    /** {@link MessageHeaderDescriptor#VERSION} the host speaks. */
    public static final int PROTOCOL_VERSION_OFFSET = 12;
    /** Input ring capacity in slots. */
    public static final int INPUT_CAPACITY_OFFSET = 16;
    /** Input ring slot size in bytes. */
    public static final int INPUT_SLOT_SIZE_OFFSET = 20;
    /** Output ring capacity in slots. */
    public static final int OUTPUT_CAPACITY_OFFSET = 24;
    /** Output ring slot size in bytes. */
    public static final int OUTPUT_SLOT_SIZE_OFFSET = 28;
    /** Largest payload the kernel accepts. */
    public static final int MAX_PAYLOAD_OFFSET = 32;
    /** Launch mode: 0 persistent, 1 event-driven. */
    public static final int MODE_OFFSET = 36;

    /** Set to 1 by the kernel when its loop has exited. */
    public static final int HAS_TERMINATED_OFFSET = 64;
    /** Wire value of the last error the kernel reported. */
    public static final int LAST_ERROR_OFFSET = 68;
    /** Incremented by the kernel's loop; shows it is alive. */
    public static final int HEARTBEAT_OFFSET = 72;
    /** Messages the kernel is processing right now. */
    public static final int IN_FLIGHT_OFFSET = 80;
    /** The kernel's hybrid logical clock (packed). */
    public static final int CLOCK_OFFSET = 88;

    private ControlBlockDescriptor() {
    }
}
