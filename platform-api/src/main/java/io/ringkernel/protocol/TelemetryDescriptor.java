package io.ringkernel.protocol;

/**
 * Layout of a kernel's 64-byte telemetry buffer, written only by the kernel (one cache line)
 * and read by the host at any time. Counters only grow.
 *
 * <pre>
 *   0 long processed        messages the handler processed
 *   8 long dropped          records rejected as malformed or left unanswered
 *  16 long errors           error replies written
 *  24 long totalNanos       processing time summed over processed messages
 *  32 long minNanos         shortest processing time (0 before the first)
 *  40 long maxNanos         longest processing time
 *  48 long repliesWritten   records written to the output ring
 *  56 int  lastErrorCode    ErrorCode wire value of the last error
 *  60 int  reserved
 * </pre>
 */
public final class TelemetryDescriptor {
    /** Length of the telemetry buffer. */
    public static final int LENGTH = 64;
    /** Required alignment. */
    public static final int ALIGNMENT = 64;

    /** Messages processed (long). */
    public static final int PROCESSED_OFFSET = 0;
    /** Records dropped (long). */
    public static final int DROPPED_OFFSET = 8;
    /** Error replies written (long). */
    public static final int ERRORS_OFFSET = 16;
    /** Sum of processing times in ns (long). */
    public static final int TOTAL_NANOS_OFFSET = 24;
    /** Shortest processing time in ns (long). */
    public static final int MIN_NANOS_OFFSET = 32;
    /** Longest processing time in ns (long). */
    public static final int MAX_NANOS_OFFSET = 40;
    /** Records written to the output ring (long). */
    public static final int REPLIES_WRITTEN_OFFSET = 48;
    /** Last error code (int). */
    public static final int LAST_ERROR_CODE_OFFSET = 56;

    private TelemetryDescriptor() {
    }
}
