package io.ringkernel.protocol;

import static io.ringkernel.protocol.ManyToOneSlotRing.INSUFFICIENT_CAPACITY;
import static io.ringkernel.protocol.ManyToOneSlotRingTest.fill;
import static io.ringkernel.protocol.ManyToOneSlotRingTest.pattern;
import static io.ringkernel.protocol.ManyToOneSlotRingTest.readAll;
import static io.ringkernel.protocol.ManyToOneSlotRingTest.write;
import static io.ringkernel.protocol.MessageHeaderDescriptor.CHECKSUM_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.COMMIT_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.MESSAGE_TYPE_OFFSET;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_MARK;
import static io.ringkernel.protocol.MessageHeaderDescriptor.PADDING_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ringkernel.protocol.ManyToOneSlotRingTest.Received;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs of slots claimed at once ({@link ManyToOneSlotRing#tryClaimSlots}) for records written back to back. */
class ManyToOneSlotRingRunTest {

    @Test
    void shouldClaimARunAsConsecutiveSlotsAndDeliverItsRecordsInOrder() {
        ManyToOneSlotRing ring = TestMemory.ring(16, 64);
        byte[] oneSlot = pattern(0, 1);
        byte[] twoSlots = pattern(64, 2);
        byte[] threeSlots = pattern(100, 3);

        long run = ring.tryClaimSlots(6);
        long after = ring.tryClaim(0);
        fillAndCommit(ring, run, oneSlot);
        fillAndCommit(ring, run + 1, twoSlots);
        fillAndCommit(ring, run + 3, threeSlots);
        List<Received> received = readAll(ring, 10);

        assertThat(run).isZero();
        assertThat(after).as("the next claim starts behind the run").isEqualTo(6);
        assertThat(received).extracting(Received::offset).containsExactly(0, 64, 3 * 64);
        assertThat(received).extracting(Received::recordLength).containsExactly(64, 2 * 64, 3 * 64);
        assertThat(received).extracting(Received::payload).containsExactly(oneSlot, twoSlots, threeSlots);
        assertThat(ring.head()).as("stops at the claimed, uncommitted record behind the run").isEqualTo(6);
    }

    @Test
    void shouldDeliverEachRecordOfARunOnceItAndEveryRecordBeforeItAreCommitted() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        byte[] first = pattern(0, 1);
        byte[] second = pattern(0, 2);
        byte[] third = pattern(0, 3);
        long run = ring.tryClaimSlots(3);

        fillAndCommit(ring, run, first);
        assertThat(readAll(ring, 10)).extracting(Received::payload).containsExactly(first);
        fillAndCommit(ring, run + 2, third);
        assertThat(readAll(ring, 10)).as("the third waits for the second").isEmpty();
        assertThat(ring.head()).isEqualTo(1);
        fillAndCommit(ring, run + 1, second);
        assertThat(readAll(ring, 10)).extracting(Received::payload).containsExactly(second, third);
        assertThat(ring.head()).isEqualTo(3);
        assertThat(ring.depth()).isZero();
    }

    @Test
    void shouldPutARunThatWouldCrossTheRingEndAtItsStartBehindAPaddingRecord() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        for (int i = 0; i < 5; i++) {
            write(ring, pattern(0, i));
        }
        assertThat(readAll(ring, 5)).hasSize(5);
        ByteBuffer buffer = ring.buffer();

        long run = ring.tryClaimSlots(4);

        assertThat(run).isEqualTo(8);
        assertThat(ring.tail()).isEqualTo(12);
        assertThat(buffer.getInt(5 * 64 + MESSAGE_TYPE_OFFSET)).isEqualTo(PADDING_TYPE);
        assertThat(buffer.getInt(5 * 64 + CHECKSUM_OFFSET)).isEqualTo(PADDING_MARK);
        assertThat(buffer.getLong(5 * 64 + COMMIT_OFFSET)).as("the padding's commit word: its end").isEqualTo(8);
        byte[][] records = {pattern(0, 10), pattern(0, 11), pattern(64, 12)};
        fillAndCommit(ring, run, records[0]);
        fillAndCommit(ring, run + 1, records[1]);
        fillAndCommit(ring, run + 2, records[2]);
        List<Received> received = readAll(ring, 10);
        assertThat(received).extracting(Received::offset).containsExactly(0, 64, 2 * 64);
        assertThat(received).extracting(Received::payload).containsExactly(records);
        assertThat(ring.head()).isEqualTo(12);
    }

    @Test
    void shouldRefuseARunUntilTheRunAndItsPaddingFitWhole() {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);
        for (int i = 0; i < 6; i++) {
            write(ring, pattern(0, i));
        }

        // a run of 3 at index 6 pads 2 slots and ends at position 11: head must reach 3
        assertThat(ring.tryClaimSlots(3)).isEqualTo(INSUFFICIENT_CAPACITY);
        assertThat(readAll(ring, 2)).hasSize(2);
        assertThat(ring.tryClaimSlots(3)).as("with head at 2, 4 slots are free but 5 are needed")
                .isEqualTo(INSUFFICIENT_CAPACITY);
        assertThat(ring.tail()).as("a refused claim moves nothing").isEqualTo(6);
        assertThat(readAll(ring, 1)).hasSize(1);
        assertThat(ring.tryClaimSlots(3)).isEqualTo(8);
        assertThat(ring.tail()).isEqualTo(11);
    }

    @ParameterizedTest(name = "a run of {0} slots")
    @ValueSource(ints = {0, -1, 5, Integer.MAX_VALUE})
    void shouldRejectARunOfNoSlotsOrOfMoreThanHalfTheRingWithoutClaiming(int slots) {
        ManyToOneSlotRing ring = TestMemory.ring(8, 64);

        assertThatIllegalArgumentException().isThrownBy(() -> ring.tryClaimSlots(slots))
                .withMessage("a run of " + slots + " slots does not fit a ring of 8 slots (1 to 4)");
        assertThat(ring.tail()).isZero();
    }

    private static void fillAndCommit(ManyToOneSlotRing ring, long position, byte[] payload) {
        fill(ring, position, payload);
        ring.commit(position, payload.length);
    }
}
