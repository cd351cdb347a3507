package io.ringkernel.conformance.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a kernel's metrics must change while messages are sent to it, worked out from their
 * outcomes: taken before the first message and checked once every reply it owes has been taken.
 */
final class ExpectedMetrics {
    private final KernelMetrics before;
    private final boolean handlerFailuresCountAsProcessed;
    private long messagesIn;
    private long messagesOut;
    private long processed;
    private long errors;
    private long lateReplies;
    private String lastError;

    /**
     * @param before the kernel's metrics before the messages
     * @param handlerFailuresCountAsProcessed whether the backend counts a message its handler failed on as processed
     */
    ExpectedMetrics(KernelMetrics before, boolean handlerFailuresCountAsProcessed) {
        this.before = before;
        this.handlerFailuresCountAsProcessed = handlerFailuresCountAsProcessed;
        this.lastError = before.lastError();
    }

    /**
     * Counts one message.
     *
     * @param answer what the runtime and kernel answer it
     * @param timedOut whether its call gave up before the answer came, which then counts as a late reply
     */
    void count(ApiOutcome answer, boolean timedOut) {
        if (!answer.sent()) {
            return;
        }
        messagesIn++;
        messagesOut++;
        if (answer == ApiOutcome.HANDLER_FAILED) {
            errors++;
            lastError = ErrorCode.HANDLER_FAILED.name();
            processed += handlerFailuresCountAsProcessed ? 1 : 0;
        } else {
            processed++;
        }
        lateReplies += timedOut ? 1 : 0;
    }

    /** @param after the kernel's metrics once every reply it owes has been taken */
    void check(KernelMetrics after) {
        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("status", after.status());
        actual.put("messagesIn", after.messagesIn() - before.messagesIn());
        actual.put("messagesOut", after.messagesOut() - before.messagesOut());
        actual.put("processed", after.processed() - before.processed());
        actual.put("errors", after.errors() - before.errors());
        actual.put("lateReplies", after.lateReplies() - before.lateReplies());
        actual.put("dropped", after.dropped() - before.dropped());
        actual.put("outputDepth", after.outputDepth());
        actual.put("lastError", after.lastError());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("status", KernelStatus.ACTIVE);
        expected.put("messagesIn", messagesIn);
        expected.put("messagesOut", messagesOut);
        expected.put("processed", processed);
        expected.put("errors", errors);
        expected.put("lateReplies", lateReplies);
        expected.put("dropped", 0L);
        expected.put("outputDepth", 0L);
        expected.put("lastError", lastError);
        assertThat(actual).as("changes in the metrics of kernel '%s'", after.kernelId()).isEqualTo(expected);
    }
}
