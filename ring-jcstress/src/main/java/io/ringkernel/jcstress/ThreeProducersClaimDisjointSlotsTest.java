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
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * Concurrent claims never overlap, with three producers: a two-slot record (value 1) and two
 * one-slot records (values 2 and 3) claimed at once on an empty ring of 8 slots. Each of the six
 * claim orders gives its own positions, and the consumer then reads the three records exactly
 * once each, in that order. Needs three CPUs (jcstress {@code -c 3} or more).
 *
 * <p>r1, r2, r3: the positions of records 1, 2 and 3; r4: the values the consumer read
 * afterwards, as digits in reading order (-1: a malformed record).
 */
@JCStressTest
@Description("Three concurrent claims get disjoint positions; each record is read once, intact, in position order.")
@Outcome(id = "0, 2, 3, 123", expect = ACCEPTABLE, desc = "Claimed in the order 1, 2, 3.")
@Outcome(id = "0, 3, 2, 132", expect = ACCEPTABLE, desc = "Claimed in the order 1, 3, 2.")
@Outcome(id = "1, 0, 3, 213", expect = ACCEPTABLE, desc = "Claimed in the order 2, 1, 3.")
@Outcome(id = "2, 0, 1, 231", expect = ACCEPTABLE, desc = "Claimed in the order 2, 3, 1.")
@Outcome(id = "1, 3, 0, 312", expect = ACCEPTABLE, desc = "Claimed in the order 3, 1, 2.")
@Outcome(id = "2, 1, 0, 321", expect = ACCEPTABLE, desc = "Claimed in the order 3, 2, 1.")
@Outcome(expect = FORBIDDEN, desc = "Overlapping or skipped positions, or a record lost, read twice, torn or out of position order.")
@State
public class ThreeProducersClaimDisjointSlotsTest {
    private final ManyToOneSlotRing ring = Rings.emptyRing(8);

    @Actor
    public void producer1(IIII_Result r) {
        r.r1 = Rings.position(Rings.write(ring, 1, Rings.TWO_SLOTS));
    }

    @Actor
    public void producer2(IIII_Result r) {
        r.r2 = Rings.position(Rings.write(ring, 2, Rings.ONE_SLOT));
    }

    @Actor
    public void producer3(IIII_Result r) {
        r.r3 = Rings.position(Rings.write(ring, 3, Rings.ONE_SLOT));
    }

    @Arbiter
    public void consumer(IIII_Result r) {
        r.r4 = new RecordReader().readAll(ring);
    }
}
