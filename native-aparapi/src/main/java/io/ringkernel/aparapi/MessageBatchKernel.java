package io.ringkernel.aparapi;

import com.aparapi.Kernel;
import java.util.Arrays;

/**
 * The base of a kernel's Java handler on the Aparapi backend: an Aparapi {@link Kernel} whose
 * {@link #run()} handles one message of a batch per work-item, {@code i = getGlobalId()}.
 *
 * <p>The backend unpacks each batch of queued messages into columns: {@link #messageType} and
 * the fields annotated {@link Request}, one primitive array per component of a fixed-layout
 * message type. The handler reads message {@code i} at index {@code i}, writes its reply into the
 * fields annotated {@link Reply} and sets {@code replyType[i]} to the reply's wire type, or to
 * {@link #FAILED} with a {@code failureCode[i]} that {@link #describeFailure} turns into the error
 * the sender gets. {@code replyType[i]} starts each run as {@link #NO_REPLY}. Work-items past the
 * batch, and messages the host answered itself, see message type 0, which no message type has.
 *
 * <p>{@code run()} and what it calls must keep to what Aparapi translates to OpenCL: primitives,
 * primitive arrays, fields of this class, no allocation, no objects. The backend checks this when
 * the kernel is launched, also where it runs on the Java thread pool, and refuses a handler
 * Aparapi cannot translate. A subclass needs a public no-argument constructor: each launched
 * kernel gets its own instance.
 *
 * <pre>{@code
 * public final class EchoHandler extends MessageBatchKernel {
 *     @Request(type = Ping.class, component = "sequence") long[] sequence;
 *     @Reply(type = Ping.class, component = "sequence") long[] echoed;
 *
 *     @Override
 *     public void run() {
 *         int i = getGlobalId();
 *         if (messageType[i] == PING) {
 *             echoed[i] = sequence[i];
 *             replyType[i] = PING;
 *         }
 *     }
 * }
 * }</pre>
 */
public abstract class MessageBatchKernel extends Kernel {
    /** {@code replyType[i]}: message {@code i} gets no reply. */
    public static final int NO_REPLY = -1;
    /** {@code replyType[i]}: handling message {@code i} failed; its sender gets an error reply. */
    public static final int FAILED = -2;

    /** The wire message type of message {@code i}; 0 for a slot the handler must leave alone. */
    protected int[] messageType;
    /** Written by the handler: the wire type of message {@code i}'s reply, {@link #NO_REPLY} or {@link #FAILED}. */
    protected int[] replyType;
    /** Written by the handler with {@link #FAILED}: a code for {@link #describeFailure}. */
    protected int[] failureCode;
    /** Messages in the batch; the work-items from here on have none. */
    protected int count;

    /**
     * Explains a failure in the error reply the sender gets. Runs on the host, after the batch.
     *
     * @param messageType the wire type of the message that failed
     * @param failureCode the code the handler wrote
     * @return the explanation; by default it names both numbers
     */
    public String describeFailure(int messageType, int failureCode) {
        return "the handler failed message type " + messageType + " with code " + failureCode;
    }

    /**
     * Sizes the batch columns this class declares. Called by the backend once per launch.
     *
     * @param slots work-items per run, at least the largest batch
     */
    public final void allocateBatch(int slots) {
        messageType = new int[slots];
        replyType = new int[slots];
        failureCode = new int[slots];
    }

    /**
     * Readies the columns this class declares for a run: the message types of slots past the
     * batch become 0 and every reply type {@link #NO_REPLY}.
     *
     * @param messages messages in the batch; their types are already in {@link #messageTypes()}
     */
    public final void beginBatch(int messages) {
        count = messages;
        Arrays.fill(messageType, messages, messageType.length, 0);
        Arrays.fill(replyType, NO_REPLY);
        Arrays.fill(failureCode, 0);
    }

    /** @return the message type column, for the backend to fill */
    public final int[] messageTypes() {
        return messageType;
    }

    /** @return the reply type column, as the handler left it */
    public final int[] replyTypes() {
        return replyType;
    }

    /** @return the failure code column, as the handler left it */
    public final int[] failureCodes() {
        return failureCode;
    }
}
