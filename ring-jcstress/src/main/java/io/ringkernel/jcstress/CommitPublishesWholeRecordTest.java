package io.ringkernel.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.ringkernel.protocol.ManyToOneSlotRing;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Claim/commit visibility: a consumer that finds a record committed sees all of it. One producer
 * writes a two-slot record (header, then a slot of payload) while the consumer reads once. The
 * ring has done one lap, so both slots still hold an older record's bytes: a commit word seen
 * before the header, payload or checksum the producer wrote before it would show as a stale or
 * torn record, and an old commit word taken for a new one would hand over the old record.
 *
 * <p>r1: the producer's position (always 4); r2: what the consumer read (0 nothing, 1 the record,
 * -1 a malformed record, 9 the old record).
 */
@JCStressTest
@Description("A committed record is seen whole: header, payload and checksum, never stale or torn.")
@Outcome(id = "4, 0", expect = ACCEPTABLE, desc = "The consumer looked before the commit: nothing to read yet.")
@Outcome(id = "4, 1", expect = ACCEPTABLE, desc = "The consumer read the whole record: header, payload and checksum.")
@Outcome(expect = FORBIDDEN, desc = "A committed record with a stale or torn header or payload, or an old record read again.")
@State
public class CommitPublishesWholeRecordTest {
    private final ManyToOneSlotRing ring = Rings.ringAfter(4, Rings.TWO_SLOTS, Rings.TWO_SLOTS);
    private final RecordReader reader = new RecordReader();

    @Actor
    public void producer(II_Result r) {
        r.r1 = Rings.position(Rings.write(ring, 1, Rings.TWO_SLOTS));
    }

    @Actor
    public void consumer(II_Result r) {
        r.r2 = reader.readOne(ring);
    }
}
