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
 * Wrap-around: two producers claim at once one slot before the end of a ring of 4 slots, one a
 * two-slot record (value 1), which does not fit before the end, one a one-slot record (value 2),
 * which does. If the two-slot record claims first it pads the last slot and starts the next lap;
 * if second, it starts the next lap right after the one-slot record, with no padding. Either way
 * both records are read exactly once, intact, and the padding is never handed over as a record.
 *
 * <p>r1, r2: the positions of records 1 and 2; r3: the values the consumer read afterwards, as
 * digits in reading order (-1: a malformed record, 9: the old record under the padding).
 */
@JCStressTest
@Description("Concurrent claims across the end of the ring pad correctly; no record is lost, duplicated or torn.")
@Outcome(id = "8, 10, 12", expect = ACCEPTABLE, desc = "Record 1 first: padding at 7, record 1 at 8-9, record 2 at 10.")
@Outcome(id = "8, 7, 21", expect = ACCEPTABLE, desc = "Record 2 first, in the last slot: record 1 at 8-9, no padding.")
@Outcome(expect = FORBIDDEN, desc = "A record across the end, overlapping positions, or a record lost, read twice, torn or out of order, or padding read as a record.")
@State
public class ClaimsAcrossTheEndTest {
    private final ManyToOneSlotRing ring = Rings.ringOneSlotBeforeTheEnd();

    @Actor
    public void twoSlotProducer(III_Result r) {
        r.r1 = Rings.position(Rings.write(ring, 1, Rings.TWO_SLOTS));
    }

    @Actor
    public void oneSlotProducer(III_Result r) {
        r.r2 = Rings.position(Rings.write(ring, 2, Rings.ONE_SLOT));
    }

    @Arbiter
    public void consumer(III_Result r) {
        r.r3 = new RecordReader().readAll(ring);
    }
}
