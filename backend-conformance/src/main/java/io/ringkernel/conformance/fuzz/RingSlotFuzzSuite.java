package io.ringkernel.conformance.fuzz;

import static io.ringkernel.protocol.MessageHeaderDescriptor.ERROR_TYPE;
import static io.ringkernel.protocol.MessageHeaderDescriptor.FLAG_CALL;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_MARK;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.SerializationException;
import io.ringkernel.conformance.BackendPresence;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Fail;
import io.ringkernel.conformance.Ping;
import io.ringkernel.conformance.SpiHarness;
import io.ringkernel.conformance.SpiHarness.OutputRecord;
import io.ringkernel.protocol.ErrorPayload;
import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.spi.MessageCodec;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes a running kernel through its input ring: garbage and mutated records ({@link SlotCases})
 * committed into the conformance kernel's slots on a backend, through the {@link SpiHarness}, each
 * followed by a valid call. It promises, for every record: exactly one outcome, the one the
 * protocol (docs/protocol.md) gives it —
 * <ul>
 *   <li>a record of the padding type that ends at the ring's end is skipped as padding: no reply,
 *       nothing counted (the ring cannot tell it from the padding a producer writes);</li>
 *   <li>every other record gets one reply carrying its correlation id (its message id when that is
 *       0) and its call flag: {@code MALFORMED_MESSAGE} for a header {@link MessageHeader#problem}
 *       finds wrong, counted as dropped; then {@code DEADLINE_EXPIRED}, {@code UNKNOWN_MESSAGE_TYPE},
 *       {@code DESERIALIZATION_FAILED} (with the codec's message) and {@code HANDLER_FAILED} for a
 *       {@link Fail}, in that order of stages; else the echo of what it decodes to;</li>
 * </ul>
 * and after every record the valid call gets its correct reply, within {@value #WAIT_SECONDS} s
 * each (no hang), with no failure signalled: the kernel keeps serving. The header check and the
 * codec the expectations rely on are fuzzed on their own in platform-api. A backend runs the suite
 * through a thin subclass; the tries come from {@code jqwik.tries.default} in that module
 * (docs/reliability-fuzzing.md).
 */
public abstract class RingSlotFuzzSuite extends BackendFuzzSuite {
    private static final int WAIT_SECONDS = 10;
    private static final Duration WAIT = Duration.ofSeconds(WAIT_SECONDS);
    private static final String OUTCOME = "outcome";
    private SpiHarness harness;
    private long nextCall = 1;
    /* The latest timestamp (ms) of a record the kernel did not refuse as malformed: its clock may have merged it. */
    private long mergedMillis;

    /** What becomes of a record. */
    enum Outcome {
        SKIPPED_AS_PADDING, ECHOED, MALFORMED_MESSAGE, DEADLINE_EXPIRED, UNKNOWN_MESSAGE_TYPE, DESERIALIZATION_FAILED,
        HANDLER_FAILED
    }

    /** Launches the conformance kernel through the SPI; fails if a backend required here cannot run. */
    @BeforeProperty
    void launch() {
        BackendPresence.require(backend());
        harness = new SpiHarness(backend(), device());
    }

    /** Terminates the kernel and closes the context. */
    @AfterProperty
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @Property
    @AddLifecycleHook(SkipWhereTheBackendCannotRun.class)
    void shouldGiveEveryRecordInASlotItsOneTypedOutcomeAndKeepServing(@ForAll("slotCases") SlotCase slotCase) {
        long droppedBefore = harness.telemetry().dropped();
        long millisBefore = System.currentTimeMillis();
        long position = harness.writeGarbage(slotCase.afterCommitWord());
        long call = nextCall++;
        ByteBuffer ping = harness.encode(new Ping(call, 7));
        harness.write(new HeaderFields(call, 0, 0, 0, 0, 1, ConformanceKernel.PING_TYPE, ping.remaining(), FLAG_CALL,
                (byte) 0), ping);
        boolean skipped = isPadding(slotCase, position);

        List<OutputRecord> records = harness.awaitOutput(skipped ? 1 : 2, WAIT);
        Set<Outcome> allowed = skipped ? EnumSet.of(Outcome.SKIPPED_AS_PADDING)
                : expectedOutcomes(slotCase, millisBefore, System.currentTimeMillis(), mergedMillis);

        assertThat(records).as("replies to the record and the call after it").hasSize(skipped ? 1 : 2);
        assertEchoes(records.get(records.size() - 1), new Ping(call, 7), ConformanceKernel.PING_TYPE, call);
        Outcome outcome = skipped ? Outcome.SKIPPED_AS_PADDING : checkedOutcome(slotCase, records.get(0));
        Statistics.label(OUTCOME).collect(outcome);
        long millis = timestampMillis(slotCase.header().timestamp());
        if (outcome != Outcome.SKIPPED_AS_PADDING && outcome != Outcome.MALFORMED_MESSAGE && millis != Long.MAX_VALUE) {
            mergedMillis = Math.max(mergedMillis, millis);
        }
        assertThat(allowed).as("outcomes the protocol allows").contains(outcome);
        assertThat(harness.telemetry().dropped() - droppedBefore).as("dropped")
                .isEqualTo(outcome == Outcome.MALFORMED_MESSAGE ? 1 : 0);
        assertThat(harness.failures()).isEmpty();
        Statistics.label(OUTCOME).coverage(coverage -> {
            coverage.check(Outcome.ECHOED).percentage(p -> p > 5);
            coverage.check(Outcome.MALFORMED_MESSAGE).percentage(p -> p > 10);
            coverage.check(Outcome.HANDLER_FAILED).percentage(p -> p > 1);
            coverage.check(Outcome.DEADLINE_EXPIRED).percentage(p -> p > 1);
        });
    }

    @Provide
    Arbitrary<SlotCase> slotCases() {
        return SlotCases.slotCases();
    }

    /** @return a packed reading's physical milliseconds; {@link Long#MAX_VALUE} for one outside the clock's range */
    private static long timestampMillis(long timestamp) {
        return timestamp < 0 || timestamp == Long.MAX_VALUE ? Long.MAX_VALUE : timestamp >>> HybridLogicalClock.LOGICAL_BITS;
    }

    /** Whether the ring takes the record for the filler it writes before its end, which gets no outcome. */
    private static boolean isPadding(SlotCase slotCase, long position) {
        MessageHeader header = slotCase.header();
        int slots = slotCase.recordLength() / SpiHarness.SLOT_SIZE;
        boolean endsTheRing = (position & (SpiHarness.CAPACITY - 1)) + slots == SpiHarness.CAPACITY;
        return header.messageType() == PADDING_TYPE && header.checksum() == PADDING_MARK && endsTheRing;
    }

    /**
     * The outcomes the protocol allows a record that is not padding: one, or two where its
     * timestamp or deadline lies in a range where the verdict depends on how far earlier
     * timestamps moved the kernel's clock (a lead is measured from the later of physical time and
     * the clock, which may have merged any earlier record's timestamp, {@code mergedMillis} at
     * most) and when between the two physical readings the kernel looked.
     */
    private static Set<Outcome> expectedOutcomes(SlotCase slotCase, long millisBefore, long millisAfter,
                                                 long mergedMillis) {
        MessageHeader header = slotCase.header();
        if (header.problem(slotCase.recordLength()) != null) {
            return EnumSet.of(Outcome.MALFORMED_MESSAGE);
        }
        long millis = timestampMillis(header.timestamp());
        long lead = millis - millisAfter;
        long leadOverClock = millis - Math.max(millisAfter, mergedMillis);
        if (leadOverClock > 2 * HybridLogicalClock.MAX_LEAD_MILLIS) {
            return EnumSet.of(Outcome.MALFORMED_MESSAGE);
        }
        boolean mayLeadTooFar = lead + (millisAfter - millisBefore) > HybridLogicalClock.MAX_LEAD_MILLIS;
        long physicalBefore = HybridLogicalClock.pack(millisBefore, 0);
        long deadline = header.deadline();
        EnumSet<Outcome> allowed = mayLeadTooFar ? EnumSet.of(Outcome.MALFORMED_MESSAGE) : EnumSet.noneOf(Outcome.class);
        if (deadline != 0 && deadline < physicalBefore) {
            allowed.add(Outcome.DEADLINE_EXPIRED);
            return allowed;
        }
        if (deadline != 0) {
            allowed.add(Outcome.DEADLINE_EXPIRED);
        }
        MessageCodec codec = SlotCases.codecs().get(header.messageType());
        if (codec == null) {
            allowed.add(Outcome.UNKNOWN_MESSAGE_TYPE);
        } else if (decodeFailure(header) != null) {
            allowed.add(Outcome.DESERIALIZATION_FAILED);
        } else {
            allowed.add(header.messageType() == ConformanceKernel.FAIL_TYPE ? Outcome.HANDLER_FAILED : Outcome.ECHOED);
        }
        return allowed;
    }

    /** Checks a reply's framing and what it says, and tells which outcome it is. */
    private static Outcome checkedOutcome(SlotCase slotCase, OutputRecord reply) {
        MessageHeader request = slotCase.header();
        long correlation = request.correlationId() != 0 ? request.correlationId() : request.messageId();
        assertThat(reply.problem()).as("the reply's own header").isNull();
        assertThat(reply.correlationId()).as("correlation id").isEqualTo(correlation);
        assertThat(reply.flags() & FLAG_CALL).as("call flag").isEqualTo(request.flags() & FLAG_CALL);
        if (reply.messageType() != ERROR_TYPE) {
            assertEchoes(reply, decode(request), request.messageType(), correlation);
            return Outcome.ECHOED;
        }
        ErrorPayload error = ErrorPayload.decode(reply.payload(), 0, reply.payload().remaining());
        assertThat(error.detail()).as("error detail").isNotBlank();
        switch (error.code()) {
            case MALFORMED_MESSAGE -> assertThat(error.detail()).satisfiesAnyOf(
                    detail -> assertThat(detail)
                            .isEqualTo("malformed message rejected: " + request.problem(slotCase.recordLength())),
                    detail -> assertThat(detail).startsWith("malformed message rejected: its timestamp ")
                            .endsWith("; at most " + HybridLogicalClock.MAX_LEAD_MILLIS + " ms is accepted"));
            case DEADLINE_EXPIRED -> assertThat(error.detail()).isEqualTo("deadline passed before processing");
            case UNKNOWN_MESSAGE_TYPE -> assertThat(error.detail()).isEqualTo("no handler for message type " + request.messageType());
            case DESERIALIZATION_FAILED -> assertThat(decodeFailure(request)).startsWith(error.detail());
            case HANDLER_FAILED -> assertThat(error.detail())
                    .contains("failure " + ((Fail) decode(request)).code() + " requested by the sender");
            default -> throw new AssertionError("unexpected error reply " + error);
        }
        return Outcome.valueOf(error.code().name());
    }

    private static void assertEchoes(OutputRecord reply, Object message, int messageType, long correlation) {
        assertThat(reply.messageType()).as("reply type").isEqualTo(messageType);
        assertThat(reply.correlationId()).as("correlation id").isEqualTo(correlation);
        assertThat(reply.problem()).as("the reply's own header").isNull();
        Object echoed = SlotCases.codecs().get(messageType).decode(reply.payload().duplicate());
        assertThat(echoed).usingRecursiveComparison().isEqualTo(message);
    }

    private static Object decode(MessageHeader request) {
        return SlotCases.codecs().get(request.messageType()).decode(payload(request));
    }

    /** @return the codec's message if the request's payload does not decode, else null */
    private static String decodeFailure(MessageHeader request) {
        try {
            decode(request);
            return null;
        } catch (SerializationException | IllegalArgumentException e) {
            return String.valueOf(e.getMessage());
        }
    }

    private static ByteBuffer payload(MessageHeader request) {
        return request.buffer().slice(request.payloadOffset(), request.payloadLength()).asReadOnlyBuffer();
    }
}
