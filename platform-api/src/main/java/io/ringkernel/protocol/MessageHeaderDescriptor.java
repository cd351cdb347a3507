package io.ringkernel.protocol;

/**
 * Layout of the 64-byte message header: one cache line, at the start of every ring record,
 * followed directly by the payload.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Commit word (record end position)            |  0
 *  +---------------------------------------------------------------+
 *  |                          Message id                           |  8
 *  +---------------------------------------------------------------+
 *  |                        Correlation id                         | 16
 *  +---------------------------------------------------------------+
 *  |             HLC timestamp (48 bit ms | 16 bit logical)        | 24
 *  +---------------------------------------------------------------+
 *  |                      HLC deadline (0 = none)                  | 32
 *  +-------------------------------+-------------------------------+
 *  |         Source kernel         |      Destination kernel       | 40
 *  +-------------------------------+-------------------------------+
 *  |         Message type          |        Payload length         | 48
 *  +-------------------------------+---------------+-------+-------+
 *  |      Checksum (CRC32C)        |     Flags     | Prio  |Version| 56
 *  +-------------------------------+---------------+-------+-------+
 * </pre>
 *
 * <p>The commit word is written by the ring (release store, last); the producer writes every
 * other field with plain stores before it. The checksum covers bytes 8..55 and the payload.
 */
public final class MessageHeaderDescriptor {
    /** Header length: one cache line. */
    public static final int HEADER_LENGTH = 64;
    /** Protocol version carried in every header. */
    public static final byte VERSION = 1;

    /** Commit word: the ring position just past this record; greater than the consumer's position once committed. */
    public static final int COMMIT_OFFSET = 0;
    /** Message id (long), unique per sending side. */
    public static final int MESSAGE_ID_OFFSET = 8;
    /** Correlation id (long); a reply carries its request's. */
    public static final int CORRELATION_ID_OFFSET = 16;
    /** Sender's hybrid logical clock (long, packed). */
    public static final int TIMESTAMP_OFFSET = 24;
    /** Deadline as a packed hybrid logical clock value (long), 0 for none. */
    public static final int DEADLINE_OFFSET = 32;
    /** Source kernel number (int); 0 is the host. */
    public static final int SOURCE_KERNEL_OFFSET = 40;
    /** Destination kernel number (int); 0 is the host. */
    public static final int DESTINATION_KERNEL_OFFSET = 44;
    /** Message type id (int). */
    public static final int MESSAGE_TYPE_OFFSET = 48;
    /** Payload length in bytes (int). */
    public static final int PAYLOAD_LENGTH_OFFSET = 52;
    /** CRC32C of bytes 8..55 and the payload (int). */
    public static final int CHECKSUM_OFFSET = 56;
    /** Flags (short). */
    public static final int FLAGS_OFFSET = 60;
    /** Priority (byte), 0 lowest. */
    public static final int PRIORITY_OFFSET = 62;
    /** Protocol version (byte). */
    public static final int VERSION_OFFSET = 63;
    /** First byte covered by the checksum. */
    public static final int CHECKSUM_START = MESSAGE_ID_OFFSET;
    /** Bytes of header covered by the checksum. */
    public static final int CHECKSUM_HEADER_LENGTH = CHECKSUM_OFFSET - CHECKSUM_START;

    /** Message type of the filler record a producer writes to skip the ring's end. */
    public static final int PADDING_TYPE = 0;
    /**
     * Checksum field of a filler record ("RKPD"). Only a record with {@link #PADDING_TYPE}, this
     * mark and an end at the ring's end is filler; any other record, whatever its type, is a
     * message and gets an outcome.
     */
    public static final int PADDING_MARK = 0x52_4B_50_44;
    /** Message type of an error reply; its payload is {@link ErrorPayload}. */
    public static final int ERROR_TYPE = -1;

    /** Flag: the sender waits for a reply matched by correlation id. */
    public static final short FLAG_CALL = 1;
    /** Flag: the checksum field is set and must be verified. */
    public static final short FLAG_CHECKSUM = 2;

    private MessageHeaderDescriptor() {
    }

    /**
     * @param messageType a header's message type
     * @return true if it is a type user code may declare (not padding or error)
     */
    public static boolean isUserType(int messageType) {
        return messageType > 0;
    }
}
