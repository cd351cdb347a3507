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
 * Room appears only when the consumer has let go of the slots: the ring of 4 slots is full of two
 * unread two-slot records (values 1 and 2). The consumer reads record 1 (slots 0-1) while a
 * producer tries, once each, to write one-slot records 3 and 4, which fit only in those slots.
 * A producer that got slot 0 while the consumer still read it would tear record 1; one whose
 * commit in slot 1 came before the consumer zeroed that slot's old commit word (record 1's payload
 * there looks like a commit far ahead) would lose record 4; a consumer that forgot to zero it would
 * read payload as a record. Once room appeared for record 3, record 4 fits too.
 *
 * <p>r1: what the consumer read (always 1); r2, r3: the positions of records 3 and 4 (-1: no
 * room yet); r4: the values read afterwards (digits; -1 malformed).
 */
@JCStressTest
@Description("A producer gets room only once the consumer has read and released the slots.")
@Outcome(id = "1, -1, -1, 2", expect = ACCEPTABLE, desc = "Both tries before the consumer freed slots 0-1.")
@Outcome(id = "1, -1, 4, 24", expect = ACCEPTABLE, desc = "Record 3 tried before, record 4 after the consumer freed slots 0-1: record 4 in slot 0.")
@Outcome(id = "1, 4, 5, 234", expect = ACCEPTABLE, desc = "Both tries after the consumer freed slots 0-1: records 3 and 4 in slots 0 and 1.")
@Outcome(expect = FORBIDDEN, desc = "A record torn or lost, a slot written before the consumer freed it, or payload read as a record.")
@State
public class ConsumerFreesSlotsForProducerTest {
    private final ManyToOneSlotRing ring = Rings.fullRing();
    private final RecordReader reader = new RecordReader();

    @Actor
    public void consumer(IIII_Result r) {
        r.r1 = reader.readOne(ring);
    }

    @Actor
    public void producer(IIII_Result r) {
        r.r2 = Rings.position(Rings.write(ring, 3, Rings.ONE_SLOT));
        r.r3 = Rings.position(Rings.write(ring, 4, Rings.ONE_SLOT));
    }

    @Arbiter
    public void rest(IIII_Result r) {
        r.r4 = reader.readAll(ring);
    }
}
