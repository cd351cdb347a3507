package io.ringkernel.protocol;

import static io.ringkernel.protocol.HybridLogicalClock.pack;
import static io.ringkernel.protocol.HybridLogicalClock.unpack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringkernel.api.HlcTimestamp;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class HybridLogicalClockPropertiesTest {
    /**
     * Largest physical millisecond the properties use: one below the largest 47-bit value, so a
     * packed reading stays a positive long with 65,536 readings of headroom. (The packed form of
     * 2^47 ms and above is negative and no longer orders by signed comparison.)
     */
    private static final long MAX_PHYSICAL = (1L << 47) - 2;
    private static final int LOGICAL_LIMIT = 1 << HybridLogicalClock.LOGICAL_BITS;

    @Property(tries = 1000)
    void shouldMakeEveryReadingGreaterThanTheLastAndThanEveryRemoteWithoutRunningAhead(
            @ForAll("physicalMillis") long start, @ForAll("events") List<Event> events) {
        long[] now = {start};
        HybridLogicalClock clock = new HybridLogicalClock(3, () -> now[0]);
        long previous = clock.current();
        long largestSeen = 0;

        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            now[0] = Math.max(0, Math.min(MAX_PHYSICAL, now[0] + event.physicalStep()));
            long reading;
            if (event.update()) {
                long remote = event.remote(now[0]);
                boolean merged = clock.leadMillis(remote) <= HybridLogicalClock.MAX_LEAD_MILLIS;
                reading = clock.update(remote);
                if (merged) {
                    largestSeen = Math.max(largestSeen, remote);
                    assertThat(reading).as("update(%d)", remote).isGreaterThan(remote);
                } else {
                    assertThat(reading).as("update(%d), too far ahead to merge", remote).isLessThan(remote);
                }
            } else {
                reading = clock.tick();
            }
            largestSeen = Math.max(largestSeen, pack(now[0], 0));

            assertThat(reading).as("reading %d", i).isGreaterThan(previous);
            assertThat(reading).as("reading %d follows physical time", i).isGreaterThanOrEqualTo(pack(now[0], 0));
            assertThat(reading).as("reading %d runs at most one step per event ahead of what it saw", i)
                    .isLessThanOrEqualTo(largestSeen + i + 1);
            assertThat(clock.current()).isEqualTo(reading);
            previous = reading;
        }
    }

    @Provide
    Arbitrary<Long> physicalMillis() {
        return Arbitraries.longs().between(0, MAX_PHYSICAL);
    }

    /** Physical time mostly stands still or moves a little either way, sometimes jumps anywhere. */
    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Long> step = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0L)),
                Tuple.of(4, Arbitraries.longs().between(-3, 3)),
                Tuple.of(1, Arbitraries.longs().between(-MAX_PHYSICAL, MAX_PHYSICAL)));
        Arbitrary<Boolean> nearRemote = Arbitraries.of(true, true, true, false);
        Arbitrary<Long> remoteMillis = Arbitraries.longs().between(0, MAX_PHYSICAL);
        Arbitrary<Integer> remoteLogical = Arbitraries.integers().between(0, LOGICAL_LIMIT - 1);
        return Combinators.combine(step, Arbitraries.of(false, true), nearRemote, remoteMillis, remoteLogical)
                .as(Event::new).list().ofMaxSize(200);
    }

    @Property(tries = 20)
    void shouldCarryLogicalOverflowIntoTheNextMillisecond(@ForAll @LongRange(min = 1, max = (1L << 47) - 3) long frozen,
                                                          @ForAll @IntRange(min = 1, max = 3000) int beyond) {
        HybridLogicalClock clock = new HybridLogicalClock(0, () -> frozen);
        long previous = clock.current();

        for (int i = 0; i < LOGICAL_LIMIT + beyond; i++) {
            long reading = clock.tick();
            assertThat(reading).isGreaterThan(previous);
            previous = reading;
            if (i == LOGICAL_LIMIT - 1) {
                assertThat(unpack(reading, 0)).isEqualTo(new HlcTimestamp(frozen, LOGICAL_LIMIT - 1, 0));
            }
        }

        assertThat(unpack(previous, 0)).isEqualTo(new HlcTimestamp(frozen + 1, beyond - 1, 0));
    }

    @Example
    void shouldStayMonotonicWhenPhysicalTimeCatchesUpWithACarriedReading() {
        long[] now = {1_000};
        HybridLogicalClock clock = new HybridLogicalClock(0, () -> now[0]);
        long carried = clock.update(pack(1_000, LOGICAL_LIMIT - 1));

        long sameMillisecond = clock.tick();
        now[0] = 1_001;
        long caughtUp = clock.tick();
        now[0] = 1_002;
        long ahead = clock.tick();

        assertThat(carried).isEqualTo(pack(1_001, 0));
        assertThat(sameMillisecond).isEqualTo(pack(1_001, 1));
        assertThat(caughtUp).isEqualTo(pack(1_001, 2));
        assertThat(ahead).isEqualTo(pack(1_002, 0));
    }

    @Example
    void shouldJumpToJustPastARemoteReadingThatIsAhead() {
        HybridLogicalClock clock = new HybridLogicalClock(0, () -> 5_000);
        clock.tick();

        long reading = clock.update(pack(9_000, 4));

        assertThat(reading).isEqualTo(pack(9_000, 5));
        assertThat(clock.tick()).isEqualTo(pack(9_000, 6));
    }

    @Example
    void shouldNotMergeARemoteReadingThatLeadsByMoreThanTheLimitAndStillAdvance() {
        long limit = HybridLogicalClock.MAX_LEAD_MILLIS;
        HybridLogicalClock clock = new HybridLogicalClock(0, () -> 5_000);
        long first = clock.tick();

        long atTheLimit = clock.update(pack(5_000 + limit, 0));
        long beyond = clock.update(pack(5_000 + 2 * limit + 2, 0));

        assertThat(clock.leadMillis(pack(5_000 + limit, 3))).isZero();
        assertThat(atTheLimit).as("a lead of exactly the limit is merged").isEqualTo(pack(5_000 + limit, 1));
        assertThat(beyond).as("a lead past the limit, counted from the clock's last reading, is not")
                .isEqualTo(atTheLimit + 1);
        assertThat(first).isEqualTo(pack(5_000, 0));
    }

    /** A receiver reads the physical clock once and hands the reading to both questions. */
    @Example
    void shouldAnswerLeadAndUpdateAtAPhysicalTimeReadOnceAsIfReadEachTime() {
        long[] reads = {0};
        HybridLogicalClock counted = new HybridLogicalClock(0, () -> {
            reads[0]++;
            return 5_000;
        });
        HybridLogicalClock reference = new HybridLogicalClock(0, () -> 5_000);
        long remote = pack(5_007, 2);

        long physicalNow = counted.physicalNow();
        long lead = counted.leadMillis(remote, physicalNow);
        long merged = counted.update(remote, physicalNow);

        assertThat(reads[0]).isEqualTo(1);
        assertThat(lead).isEqualTo(reference.leadMillis(remote)).isEqualTo(7);
        assertThat(merged).isEqualTo(reference.update(remote)).isEqualTo(pack(5_007, 3));
        assertThat(counted.update(pack(5_000 + HybridLogicalClock.MAX_LEAD_MILLIS + 8, 0), 5_000))
                .as("a lead past the limit at the given time is not merged").isEqualTo(pack(5_007, 4));
        assertThat(counted.tick(5_000)).isEqualTo(pack(5_007, 5));
        assertThat(counted.tick(6_000)).isEqualTo(pack(6_000, 0));
        assertThat(reads[0]).as("no reading of its own for readings handed in").isEqualTo(1);
    }

    @Example
    void shouldMeasureTheLeadFromItsLastReadingWhenPhysicalTimeSteppedBack() {
        long[] now = {100_000};
        HybridLogicalClock clock = new HybridLogicalClock(0, () -> now[0]);
        clock.tick();
        now[0] = 40_000;

        assertThat(clock.leadMillis(pack(100_000 + 5, 0))).isEqualTo(5);
        assertThat(clock.leadMillis(-1)).isEqualTo(Long.MAX_VALUE);
        assertThat(clock.leadMillis(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Property(tries = 200)
    void shouldReserveARunOfReadingsThatNoOtherReadingSharesAndThatFollowsEveryEarlierOne(
            @ForAll @LongRange(min = 1, max = MAX_PHYSICAL - 10) long start,
            @ForAll @IntRange(min = 1, max = 3) int advance,
            @ForAll @IntRange(min = 1, max = 5000) int count) {
        long[] now = {start};
        HybridLogicalClock clock = new HybridLogicalClock(0, () -> now[0]);
        long before = clock.tick();
        now[0] += advance - 2; // physical time may stand still or step back

        long first = clock.tick(clock.physicalNow(), count);
        long after = clock.tick();

        assertThat(first).isGreaterThan(before).isGreaterThanOrEqualTo(pack(now[0], 0));
        assertThat(after).as("the run's readings are its own").isEqualTo(Math.max(first + count, pack(now[0], 0)));
    }

    @Example
    void shouldRefuseToReserveARunOfNoReadings() {
        HybridLogicalClock clock = new HybridLogicalClock(0, () -> 5_000);

        assertThatIllegalArgumentException().isThrownBy(() -> clock.tick(5_000, 0))
                .withMessage("a run needs at least one reading, got 0");
        assertThat(clock.tick()).as("nothing reserved").isEqualTo(pack(5_000, 0));
    }

    @Example
    void shouldIgnoreARemoteReadingOutsideItsRangeAndStillAdvance() {
        HybridLogicalClock clock = new HybridLogicalClock(0, () -> 5_000);
        long first = clock.tick();

        long afterMax = clock.update(Long.MAX_VALUE);
        long afterNegative = clock.update(-1);

        assertThat(afterMax).isEqualTo(first + 1);
        assertThat(afterNegative).isEqualTo(first + 2);
    }

    @Property(tries = 1000)
    void shouldUnpackWhatItPacked(@ForAll @LongRange(min = 0, max = (1L << 48) - 1) long physical,
                                  @ForAll @IntRange(min = 0, max = LOGICAL_LIMIT - 1) int logical, @ForAll int node) {
        assertThat(unpack(pack(physical, logical), node)).isEqualTo(new HlcTimestamp(physical, logical, node));
    }

    @Property(tries = 1000)
    void shouldKeepOnlyTheLow48BitsOfPhysicalAndLow16BitsOfLogical(@ForAll long physical, @ForAll int logical) {
        assertThat(pack(physical, logical)).isEqualTo(pack(physical & ((1L << 48) - 1), logical & (LOGICAL_LIMIT - 1)));
    }

    @Property(tries = 1000)
    void shouldOrderPackedReadingsAsTheirTimestamps(@ForAll @LongRange(min = 0, max = (1L << 48) - 1) long physicalA,
                                                    @ForAll @IntRange(min = 0, max = LOGICAL_LIMIT - 1) int logicalA,
                                                    @ForAll @LongRange(min = 0, max = (1L << 48) - 1) long physicalB,
                                                    @ForAll @IntRange(min = 0, max = LOGICAL_LIMIT - 1) int logicalB) {
        int packedOrder = Long.compareUnsigned(pack(physicalA, logicalA), pack(physicalB, logicalB));
        int timestampOrder = new HlcTimestamp(physicalA, logicalA, 1).compareTo(new HlcTimestamp(physicalB, logicalB, 1));

        assertThat(Integer.signum(packedOrder)).isEqualTo(Integer.signum(timestampOrder));
    }

    @Example
    void shouldGiveEveryThreadDistinctIncreasingReadingsOnAFrozenClock() throws Exception {
        long frozen = 1_700_000_000_000L;
        long[] readings = tickConcurrently(new HybridLogicalClock(1, () -> frozen), 4, 50_000);

        assertThat(readings).as("one contiguous run from the frozen millisecond, carries included")
                .isEqualTo(IntStream.range(0, readings.length).mapToLong(i -> pack(frozen, 0) + i).toArray());
    }

    @Example
    void shouldGiveEveryThreadDistinctIncreasingReadingsOnTheSystemClock() throws Exception {
        HybridLogicalClock clock = HybridLogicalClock.system(7);

        long[] readings = tickConcurrently(clock, 4, 50_000);

        assertThat(readings).doesNotHaveDuplicates();
        assertThat(clock.nodeId()).isEqualTo(7);
    }

    /** @return every reading of every thread, sorted, after checking each thread's own are increasing */
    private static long[] tickConcurrently(HybridLogicalClock clock, int threads, int ticksPerThread) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = IntStream.range(0, threads).mapToObj(t -> pool.submit(() -> {
                start.await();
                long[] own = new long[ticksPerThread];
                for (int i = 0; i < ticksPerThread; i++) {
                    own[i] = clock.tick();
                }
                return own;
            })).toList();
            start.countDown();
            long[] all = new long[threads * ticksPerThread];
            for (int t = 0; t < threads; t++) {
                long[] own = futures.get(t).get(30, TimeUnit.SECONDS);
                assertThat(own).as("thread %d's readings", t).isSorted().doesNotHaveDuplicates();
                System.arraycopy(own, 0, all, t * ticksPerThread, ticksPerThread);
            }
            Arrays.sort(all);
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One clock event: physical time moves by {@code physicalStep}, then a tick, or an update
     * with a remote reading near the physical time (within 3 ms) or anywhere in range.
     */
    record Event(long physicalStep, boolean update, boolean nearRemote, long remoteMillis, int remoteLogical) {
        long remote(long physicalNow) {
            long millis = nearRemote ? physicalNow + remoteMillis % 7 - 3 : remoteMillis;
            return pack(Math.max(0, Math.min(MAX_PHYSICAL, millis)), remoteLogical);
        }
    }
}
