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
 * A claim that does not fit is refused, never written over unread data: two producers each claim
 * a two-slot record (values 1 and 2) one slot before the end of an empty ring of 4 slots. The
 * first pads the last slot and takes slots 0-1; the second would need slots 2-3, one more slot
 * than the ring holds beyond the consumer's position (the padding is unread too), so it gets
 * {@code INSUFFICIENT_CAPACITY}. The winner's record is then read intact, exactly once.
 *
 * <p>r1, r2: the positions of records 1 and 2 (-1: no room); r3: the values the consumer read
 * afterwards (digits; -1 malformed).
 */
@JCStressTest
@Description("A claim that does not fit gets INSUFFICIENT_CAPACITY and never overwrites unread data.")
@Outcome(id = "8, -1, 1", expect = ACCEPTABLE, desc = "Record 1 claimed (padding at 7, record at 8-9); record 2 refused.")
@Outcome(id = "-1, 8, 2", expect = ACCEPTABLE, desc = "Record 2 claimed (padding at 7, record at 8-9); record 1 refused.")
@Outcome(expect = FORBIDDEN, desc = "Both claimed (the ring overfilled), neither claimed, or the claimed record lost or torn.")
@State
public class ClaimBeyondCapacityRefusedTest {
    private final ManyToOneSlotRing ring = Rings.ringOneSlotBeforeTheEnd();

    @Actor
    public void producer1(III_Result r) {
        r.r1 = Rings.position(Rings.write(ring, 1, Rings.TWO_SLOTS));
    }

    @Actor
    public void producer2(III_Result r) {
        r.r2 = Rings.position(Rings.write(ring, 2, Rings.TWO_SLOTS));
    }

    @Arbiter
    public void consumer(III_Result r) {
        r.r3 = new RecordReader().readAll(ring);
    }
}
