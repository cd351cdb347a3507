package io.ringkernel.spi.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.Dim3;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.SerializationException;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.fuzz.FuzzBytes;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ControlBlockDescriptor;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.SlotRecords;
import io.ringkernel.protocol.SlotRecords.Payload;
import io.ringkernel.protocol.SlotRecords.SlotRecord;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.protocol.TelemetryDescriptor;
import io.ringkernel.protocol.TestMemory;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.KernelSignals;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageType;
import io.ringkernel.spi.host.MessageExchange.Rejection;
import java.nio.ByteBuffer;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes how every backend screens a request read from its input ring, {@link MessageExchange#screen}
 * and {@link MessageExchange#screenAndCheck}, with the real fixed-layout codec. For any record in
 * a slot (garbage, or framed around random bytes or valid encodings, then mutated) it promises: no
 * exception, and either null (the handler may run) or the rejection of the first stage the record
 * fails, with its typed code and detail — a malformed header ({@code MALFORMED_MESSAGE}, counted as
 * dropped, nothing else counted), then an expired deadline, then an unknown type, then (when
 * decoding) a payload the codec refuses ({@code DESERIALIZATION_FAILED} with the codec's message).
 * The header check itself is pinned down by {@code MessageHeaderFuzzTest}, the codec by
 * {@code FixedLayoutFuzzTest}. Tries: {@code jqwik.tries.default} (docs/reliability-fuzzing.md).
 */
class MessageExchangeFuzzTest {
    private static final String OUTCOME = "screening";
    private static final int SAMPLE_TYPE = 1;
    private static final int PAIR_TYPE = 2;
    private static final MessageCodec SAMPLES = codec(SAMPLE_TYPE, Sample.class);
    private static final Map<Integer, MessageCodec> CODECS = Map.of(SAMPLE_TYPE, SAMPLES, PAIR_TYPE, codec(PAIR_TYPE, Pair.class));
    private static final Kernel KERNEL = new Kernel();

    /** A known message type. */
    record Sample(int id, boolean flag, long[] values) {
    }

    /** Another known message type. */
    record Pair(short first, double[] second) {
    }

    @Property
    void shouldAdmitOrRejectEachRecordWithTheTypedErrorOfItsFirstFault(@ForAll("records") SlotRecord record,
                                                                        @ForAll boolean decode) {
        MessageExchange exchange = KERNEL.freshExchange();
        long droppedBefore = KERNEL.telemetry.dropped();
        long errorsBefore = KERNEL.telemetry.errors();
        MessageHeader header = record.header();
        long millisBefore = System.currentTimeMillis();
        long physicalBefore = HybridLogicalClock.pack(millisBefore, 0);

        Rejection rejection = decode ? exchange.screenAndCheck(header, record.recordLength(), CODECS)
                : exchange.screen(header, record.recordLength(), CODECS::containsKey);

        long millisAfter = System.currentTimeMillis();
        long physicalAfter = HybridLogicalClock.pack(millisAfter, 0);
        String problem = header.problem(record.recordLength());
        boolean timestampTooFarAhead = problem == null && leadsTooFar(header.timestamp(), millisBefore, millisAfter, rejection);
        Statistics.label(OUTCOME).collect(rejection == null ? "admitted"
                : timestampTooFarAhead ? "timestamp too far ahead" : rejection.code().name());
        Statistics.label(OUTCOME).coverage(coverage -> {
            coverage.check("admitted").percentage(p -> p > 5);
            coverage.check(ErrorCode.MALFORMED_MESSAGE.name()).percentage(p -> p > 20);
            coverage.check("timestamp too far ahead").percentage(p -> p > 1);
            coverage.check(ErrorCode.DEADLINE_EXPIRED.name()).percentage(p -> p > 1);
            coverage.check(ErrorCode.UNKNOWN_MESSAGE_TYPE.name()).percentage(p -> p > 1);
            coverage.check(ErrorCode.DESERIALIZATION_FAILED.name()).percentage(p -> p > 0.5);
        });
        boolean malformed = problem != null || timestampTooFarAhead;
        assertThat(KERNEL.telemetry.dropped() - droppedBefore).as("dropped").isEqualTo(malformed ? 1 : 0);
        assertThat(KERNEL.telemetry.errors()).as("errors are counted when answered, not here").isEqualTo(errorsBefore);
        if (problem != null) {
            assertThat(rejection).isEqualTo(new Rejection(ErrorCode.MALFORMED_MESSAGE, "malformed message rejected: " + problem));
        }
        if (timestampTooFarAhead) {
            assertThat(rejection.code()).isEqualTo(ErrorCode.MALFORMED_MESSAGE);
            assertThat(rejection.detail()).startsWith("malformed message rejected: its timestamp ")
                    .endsWith("; at most " + HybridLogicalClock.MAX_LEAD_MILLIS + " ms is accepted");
        }
        if (malformed) {
            assertThat(KERNEL.controlBlock.clock()).as("a malformed timestamp is not merged").isZero();
            return;
        }
        long merged = header.timestamp();
        long earliest = Math.max(physicalBefore, merged + 1);
        long latest = Math.max(physicalAfter, merged + 1);
        assertThat(KERNEL.controlBlock.clock()).as("the kernel's clock, merged with the timestamp").isBetween(earliest, latest);
        long deadline = header.deadline();
        boolean expired = deadline != 0 && deadline < earliest;
        boolean undecided = deadline != 0 && !expired && deadline < latest;
        if (expired || (undecided && rejection != null && rejection.code() == ErrorCode.DEADLINE_EXPIRED)) {
            assertThat(rejection).isEqualTo(new Rejection(ErrorCode.DEADLINE_EXPIRED, "deadline passed before processing"));
        } else if (!CODECS.containsKey(header.messageType())) {
            assertThat(rejection).isEqualTo(new Rejection(ErrorCode.UNKNOWN_MESSAGE_TYPE,
                    "no handler for message type " + header.messageType()));
        } else if (decode) {
            assertThat(rejection).isEqualTo(decodeFailure(header));
        } else {
            assertThat(rejection).isNull();
        }
    }

    @Provide
    Arbitrary<SlotRecord> records() {
        Arbitrary<byte[]> samples = Combinators.combine(Arbitraries.integers(), Arbitraries.of(false, true),
                        Arbitraries.longs().array(long[].class).ofMaxSize(6))
                .as((id, flag, values) -> bytes(SAMPLES.encode(new Sample(id, flag, values))));
        Arbitrary<Payload> knownTypes = Combinators.combine(Arbitraries.of(SAMPLE_TYPE, PAIR_TYPE),
                Arbitraries.oneOf(samples, FuzzBytes.bytes(0, 64))).as(Payload::new);
        return SlotRecords.slotRecords(Arbitraries.oneOf(knownTypes, SlotRecords.anyPayloads()));
    }

    /**
     * Whether a fresh kernel clock, read at some moment between two physical readings, finds the
     * timestamp too far ahead to merge; at the boundary either verdict is right, and the
     * rejection tells which one the clock gave.
     */
    private static boolean leadsTooFar(long timestamp, long millisBefore, long millisAfter, Rejection rejection) {
        if (timestamp < 0 || timestamp == Long.MAX_VALUE) {
            return true;
        }
        long remoteMillis = timestamp >>> HybridLogicalClock.LOGICAL_BITS;
        if (remoteMillis - millisAfter > HybridLogicalClock.MAX_LEAD_MILLIS) {
            return true;
        }
        boolean undecided = remoteMillis - millisBefore > HybridLogicalClock.MAX_LEAD_MILLIS;
        return undecided && rejection != null && rejection.code() == ErrorCode.MALFORMED_MESSAGE;
    }

    /** What screenAndCheck must answer for a record that passes the other stages: the codec's own verdict. */
    private static Rejection decodeFailure(MessageHeader header) {
        ByteBuffer payload = header.buffer().slice(header.payloadOffset(), header.payloadLength());
        try {
            CODECS.get(header.messageType()).decode(payload);
            return null;
        } catch (SerializationException e) {
            assertThat(e.getMessage()).isNotBlank();
            return new Rejection(ErrorCode.DESERIALIZATION_FAILED, e.getMessage());
        }
    }

    private static MessageCodec codec(int typeId, Class<?> type) {
        return new FixedLayoutSerializer().codecFor(MessageType.of(typeId, type, MessageType.FIXED_LAYOUT));
    }

    private static byte[] bytes(ByteBuffer encoded) {
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(encoded.position(), bytes);
        return bytes;
    }

    /** One kernel's control block, telemetry and rings, as a backend gets them; a fresh exchange per record. */
    private static final class Kernel implements KernelSignals {
        final ControlBlock controlBlock = new ControlBlock(TestMemory.aligned(ControlBlockDescriptor.LENGTH), 0);
        final Telemetry telemetry = new Telemetry(TestMemory.aligned(TelemetryDescriptor.LENGTH), 0);
        final KernelResources resources;

        Kernel() {
            ManyToOneSlotRing input = TestMemory.ring(2, 64);
            ManyToOneSlotRing output = TestMemory.ring(2, 64);
            controlBlock.initialise(1, input, output, input.maxPayload(), false);
            resources = new KernelResources("fuzz", 1, LaunchMode.PERSISTENT, Dim3.ONE, Dim3.ONE, controlBlock, telemetry,
                    input, output, this);
        }

        /** @return an exchange with a fresh clock, the control block's clock reset */
        MessageExchange freshExchange() {
            controlBlock.clock(0);
            return new MessageExchange(resources);
        }

        @Override
        public void outputCommitted() {
            // screening writes no replies
        }

        @Override
        public void failed(Throwable cause) {
            throw new AssertionError("screening reported a failure", cause);
        }
    }
}
