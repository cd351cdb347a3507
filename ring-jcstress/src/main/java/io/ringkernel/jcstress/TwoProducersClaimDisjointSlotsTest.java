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
 * Concurrent claims never overlap: two producers claim at once, one a two-slot record (value 1),
 * one a one-slot record (value 2), on a ring of 4 slots that has done one lap. Whichever wins the
 * compare-and-set on tail goes first and the other starts right after it; once both committed,
 * the consumer reads each record exactly once, with its own payload, in position order.
 *
 * <p>r1, r2: the positions of the two-slot and the one-slot record; r3: the values the consumer
 * read afterwards, as digits in reading order (-1: a malformed record).
 */
@JCStressTest
@Description("Two concurrent claims get disjoint positions; each record is read once, intact, in position order.")
@Outcome(id = "4, 6, 12", expect = ACCEPTABLE, desc = "The two-slot record claimed first (slots 0-1), the one-slot record after it (slot 2).")
@Outcome(id = "5, 4, 21", expect = ACCEPTABLE, desc = "The one-slot record claimed first (slot 0), the two-slot record after it (slots 1-2).")
@Outcome(expect = FORBIDDEN, desc = "Overlapping or skipped positions, or a record lost, read twice, torn or out of position order.")
@State
public class TwoProducersClaimDisjointSlotsTest {
    private final ManyToOneSlotRing ring = Rings.ringAfter(4, Rings.TWO_SLOTS, Rings.TWO_SLOTS);

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
