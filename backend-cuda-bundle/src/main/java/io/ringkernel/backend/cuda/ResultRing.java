package io.ringkernel.backend.cuda;

import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What a PERSISTENT kernel's device loop ({@code rk_direct}) and its host thread share, in mapped
 * host memory, beside the input ring the device reads itself: the command the host gives, the
 * counters the device publishes, and a ring of entries, one for each message the host must answer
 * (a reply, a handler's failure, a rejection), in input order. A message that needs no answer has
 * no entry.
 *
 * <pre>
 *  +---------+--------------------------------------------------+-----------+------------------------+
 *  | command | acknowledged published handled latest waiting    | collected | entries: capacity x    |
 *  |         |                                                  |           | stride                 |
 *  +---------+--------------------------------------------------+-----------+------------------------+
 *   0         64           72        80      88     96           128         ENTRIES_OFFSET
 *  entry: 0 the request's ring position | 8..63 the request's header bytes 8..63
 *         | 64 result (reply length, RK_NO_REPLY excepted, RK_FAILED, REFUSED, UNKNOWN_TYPE)
 *         | 68 reply type | 128.. reply payload
 * </pre>
 *
 * <p>The host writes the command and the collected count; the device writes the rest, each
 * counter with a release store once what it counts is written.
 */
final class ResultRing {
    /** Offset of the command word: a sequence number shifted left by two, or'ed with {@link #RUN}, {@link #PARK} or {@link #EXIT}. */
    static final int COMMAND_OFFSET = 0;
    /** Offset of the last command word the device acted on. */
    static final int ACKNOWLEDGED_OFFSET = 64;
    /** Offset of the count of entries the device has written. */
    static final int PUBLISHED_OFFSET = 72;
    /** Offset of the count of messages whose handler ran. */
    static final int HANDLED_OFFSET = 80;
    /** Offset of the latest request timestamp the device handled, for the kernel's clock. */
    static final int LATEST_OFFSET = 88;
    /** Offset of the ring position + 1 of a record the device waits to be screened, 0 for none. */
    static final int WAITING_OFFSET = 96;
    /** Offset of the count of entries the host has answered. */
    static final int COLLECTED_OFFSET = 128;
    /** Offset of the first entry. */
    static final int ENTRIES_OFFSET = 256;
    /** Offset of the request's ring position in an entry. */
    static final int ENTRY_POSITION_OFFSET = 0;
    /** Offset of the result in an entry. */
    static final int ENTRY_CODE_OFFSET = HEADER_LENGTH;
    /** Offset of the reply's wire type in an entry. */
    static final int ENTRY_TYPE_OFFSET = HEADER_LENGTH + 4;
    /** Offset of the reply payload in an entry. */
    static final int ENTRY_PAYLOAD_OFFSET = 2 * HEADER_LENGTH;
    /** Result: the host rejected the request when it screened it; it answers with the rejection it kept. */
    static final int REFUSED = -3;
    /** Result: the request's type has no handler in the kernel's current code. */
    static final int UNKNOWN_TYPE = -4;
    /** Command: take messages. */
    static final int RUN = 0;
    /** Command: take none, polling rarely. */
    static final int PARK = 1;
    /** Command: leave the loop. */
    static final int EXIT = 2;
    /** Entry alignment: whole cache lines. */
    static final int ENTRY_ALIGNMENT = 128;

    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final ByteBuffer memory;
    private final int capacity;
    private final int stride;
    private long collected;
    private long published;
    private int sequence;

    /**
     * @param memory zeroed mapped memory of at least {@link #requiredBytes} bytes
     * @param capacity entries, any number: as many as the kernel's budget holds, not rounded down to a power of two
     * @param stride bytes per entry, from {@link #strideFor}
     */
    ResultRing(ByteBuffer memory, int capacity, int stride) {
        this.memory = memory.order(ByteOrder.LITTLE_ENDIAN);
        this.capacity = capacity;
        this.stride = stride;
    }

    /**
     * @param capacity entries
     * @param stride bytes per entry
     * @return bytes the ring needs
     */
    static long requiredBytes(int capacity, int stride) {
        return ENTRIES_OFFSET + (long) capacity * stride;
    }

    /**
     * @param maxPayload the kernel's largest payload
     * @return the entry size that holds a request's header and a reply of that payload, in whole
     *         cache lines; also the size of a request staged on the device
     */
    static int strideFor(int maxPayload) {
        return (ENTRY_PAYLOAD_OFFSET + maxPayload + ENTRY_ALIGNMENT - 1) & -ENTRY_ALIGNMENT;
    }

    int capacity() {
        return capacity;
    }

    int stride() {
        return stride;
    }

    /**
     * Gives the device loop a command.
     *
     * @param command {@link #RUN}, {@link #PARK} or {@link #EXIT}
     * @return the command word written, which {@link #acknowledged()} returns once the device acts on it
     */
    int command(int command) {
        int word = (++sequence << 2) | command;
        INT.setRelease(memory, COMMAND_OFFSET, word);
        return word;
    }

    /** @return the last command word the device acted on */
    int acknowledged() {
        return (int) INT.getAcquire(memory, ACKNOWLEDGED_OFFSET);
    }

    /** @return messages the device has handled, since the kernel was launched */
    long handled() {
        return (long) LONG.getAcquire(memory, HANDLED_OFFSET);
    }

    /** @return the latest request timestamp the device handled in its last round, 0 for none */
    long latestTimestamp() {
        return (long) LONG.getOpaque(memory, LATEST_OFFSET);
    }

    /** @return the ring position of a record the device waits for the host to screen, or -1 */
    long waitingAt() {
        return (long) LONG.getAcquire(memory, WAITING_OFFSET) - 1;
    }

    /** @return entries published that the host has not answered yet, reading the device's count if none are known */
    boolean entryReady() {
        if (collected < published) {
            return true;
        }
        published = (long) LONG.getAcquire(memory, PUBLISHED_OFFSET);
        return collected < published;
    }

    /** @return the count of entries the device has written, for a relaunched loop to go on from */
    long devicePublished() {
        return (long) LONG.getAcquire(memory, PUBLISHED_OFFSET);
    }

    /** @return offset of the oldest entry not yet answered */
    int oldestEntry() {
        return ENTRIES_OFFSET + (int) (collected % capacity) * stride;
    }

    /** Frees the oldest entry. */
    void collect() {
        collected++;
        LONG.setRelease(memory, COLLECTED_OFFSET, collected);
    }

    /** @return the ring's memory */
    ByteBuffer memory() {
        return memory;
    }
}
