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
 * A run: one producer claims three slots at once for two records, a two-slot record (value 1)
 * and a one-slot record (value 2), and writes and commits them in turn, while the consumer reads
 * whatever is committed; the arbiter reads the rest. The ring of 8 slots has done a lap and stands
 * one slot before its end, so the claim pads that slot and the run overwrites old records of
 * value 9. The consumer must see a prefix of the run, each record whole, never the padding, an
 * old record or the second record before the first.
 *
 * <p>r1: the run's position (always 8); r2: what the consumer read during the write, r3: what the
 * arbiter read afterwards, as digits in reading order (-1: a malformed record, 9: an old record).
 */
@JCStressTest
@Description("The records of a run claimed at once reach the consumer in order, each whole, after the padding before them.")
@Outcome(id = "8, 0, 12", expect = ACCEPTABLE, desc = "The consumer looked before the first record was committed.")
@Outcome(id = "8, 1, 2", expect = ACCEPTABLE, desc = "The consumer read the first record, the second was not committed yet.")
@Outcome(id = "8, 12, 0", expect = ACCEPTABLE, desc = "The consumer read both records.")
@Outcome(expect = FORBIDDEN, desc = "A record torn or stale, the padding or an old record read as a record, the second record before the first.")
@State
public class RunOfRecordsCommittedInOrderTest {
    private final ManyToOneSlotRing ring = Rings.ringAfter(8, Rings.TWO_SLOTS, Rings.TWO_SLOTS, Rings.TWO_SLOTS,
            Rings.ONE_SLOT);
    private final RecordReader reader = new RecordReader();

    @Actor
    public void producer(III_Result r) {
        r.r1 = Rings.position(Rings.writeRun(ring, 1, Rings.TWO_SLOTS, Rings.ONE_SLOT));
    }

    @Actor
    public void consumer(III_Result r) {
        r.r2 = reader.readAll(ring);
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = reader.readAll(ring);
    }
}
