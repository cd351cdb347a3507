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
 * Two producers race for the slots the consumer frees, through the shared head cache: the ring of
 * 4 slots is full of two unread two-slot records (values 1 and 2); the consumer reads record 1
 * (slots 0-1) while two producers each try once to write a one-slot record (values 3 and 4). A
 * producer that finds the ring full by the head cache reads the real head and stores it in the
 * cache; the other may then claim on the cached value alone. Neither may write a slot the
 * consumer has not freed, and the two never get the same slot. Needs three CPUs (jcstress
 * {@code -c 3} or more).
 *
 * <p>r1: what the consumer read (always 1); r2, r3: the positions of records 3 and 4 (-1: no
 * room yet); r4: the values read afterwards (digits; -1 malformed).
 */
@JCStressTest
@Description("Two producers claiming slots just freed (one through the head cache) never overlap or overwrite unread data.")
@Outcome(id = "1, -1, -1, 2", expect = ACCEPTABLE, desc = "Both tried before the consumer freed slots 0-1.")
@Outcome(id = "1, 4, -1, 23", expect = ACCEPTABLE, desc = "Only record 3 found room: slot 0.")
@Outcome(id = "1, -1, 4, 24", expect = ACCEPTABLE, desc = "Only record 4 found room: slot 0.")
@Outcome(id = "1, 4, 5, 234", expect = ACCEPTABLE, desc = "Both found room, record 3 first: slots 0 and 1.")
@Outcome(id = "1, 5, 4, 243", expect = ACCEPTABLE, desc = "Both found room, record 4 first: slots 0 and 1.")
@Outcome(expect = FORBIDDEN, desc = "A record torn or lost, the same slot claimed twice, or a slot written before the consumer freed it.")
@State
public class TwoProducersIntoFreedSlotsTest {
    private final ManyToOneSlotRing ring = Rings.fullRing();
    private final RecordReader reader = new RecordReader();

    @Actor
    public void consumer(IIII_Result r) {
        r.r1 = reader.readOne(ring);
    }

    @Actor
    public void producer3(IIII_Result r) {
        r.r2 = Rings.position(Rings.write(ring, 3, Rings.ONE_SLOT));
    }

    @Actor
    public void producer4(IIII_Result r) {
        r.r3 = Rings.position(Rings.write(ring, 4, Rings.ONE_SLOT));
    }

    @Arbiter
    public void rest(IIII_Result r) {
        r.r4 = reader.readAll(ring);
    }
}
