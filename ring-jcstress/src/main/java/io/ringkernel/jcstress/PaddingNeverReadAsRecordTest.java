package io.ringkernel.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.ringkernel.protocol.ManyToOneSlotRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Padding is published like a record: a producer claims a two-slot record (value 1) one slot
 * before the end of a ring of 4 slots, so the claim writes a padding record in the last slot
 * (its type, then its commit word) while the consumer reads. That slot still holds a well-formed
 * old record (value 9): a consumer that saw the padding's commit word without its padding type
 * would hand the old record over again. The consumer skips the padding and reads the record once
 * it is committed; the arbiter reads whatever is left.
 *
 * <p>r1: the record's position (always 8); r2: what the consumer read while the producer wrote
 * (0 nothing, 1 the record); r3: what was read afterwards (digits; -1 malformed).
 */
@JCStressTest
@Description("A padding record is published with its type: the consumer never hands it over as a record.")
@Outcome(id = "8, 0, 1", expect = ACCEPTABLE, desc = "The consumer looked before the record was committed (padding committed or not); it is read afterwards.")
@Outcome(id = "8, 1, 0", expect = ACCEPTABLE, desc = "The consumer skipped the padding and read the whole record.")
@Outcome(expect = FORBIDDEN, desc = "Padding handed over as a record (the old record 9), a torn record, or a record read twice or lost.")
@State
public class PaddingNeverReadAsRecordTest {
    private final ManyToOneSlotRing ring = Rings.ringOneSlotBeforeTheEnd();
    private final RecordReader reader = new RecordReader();

    @Actor
    public void producer(III_Result r) {
        r.r1 = Rings.position(Rings.write(ring, 1, Rings.TWO_SLOTS));
    }

    @Actor
    public void consumer(III_Result r) {
        r.r2 = reader.readOne(ring);
    }

    @Arbiter
    public void rest(III_Result r) {
        r.r3 = reader.readAll(ring);
    }
}
