package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.RingDescriptor;
import io.ringkernel.spi.host.HostBuffer;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch's encodings are copied whole and grouped into runs that fit the run limit and one chunk each. */
class EncodedBatchTest {
    private static final int CAPACITY = 16;
    private static final int SLOT_SIZE = 128;
    private final HostBuffer memory = new HostBuffer(RingDescriptor.requiredBytes(CAPACITY, SLOT_SIZE),
            RingDescriptor.ALIGNMENT);
    private final ManyToOneSlotRing ring = new ManyToOneSlotRing(memory.hostView(), CAPACITY, SLOT_SIZE);

    @AfterEach
    void free() {
        memory.close();
    }

    @Test
    void shouldGroupMessagesIntoRunsOfAtMostTheRunLimitInSlots() {
        // 64 payload bytes take one 128-byte slot, 65 to 192 take two
        EncodedBatch batch = new EncodedBatch(7, ring, 4);
        int[] lengths = {64, 64, 100, 64, 64, 64, 192};
        for (int i = 0; i < lengths.length; i++) {
            batch.add(10 + i, payload(lengths[i], i));
        }

        List<EncodedBatch.Run> runs = batch.runs();

        assertThat(runs).extracting(EncodedBatch.Run::from).containsExactly(0, 3, 6);
        assertThat(runs).extracting(EncodedBatch.Run::to).containsExactly(3, 6, 7);
        assertThat(runs).extracting(run -> run.payloads().remaining()).containsExactly(228, 192, 192);
        assertThat(batch.size()).isEqualTo(7);
        for (int i = 0; i < lengths.length; i++) {
            assertThat(batch.typeId(i)).isEqualTo(10 + i);
            assertThat(batch.length(i)).isEqualTo(lengths[i]);
        }
        assertThat(bytes(runs.get(0).payloads())).isEqualTo(concat(payload(64, 0), payload(64, 1), payload(100, 2)));
        assertThat(bytes(runs.get(2).payloads())).isEqualTo(bytes(payload(192, 6)));
    }

    @Test
    void shouldGiveAMessageLargerThanTheRunLimitARunOfItsOwn() {
        EncodedBatch batch = new EncodedBatch(3, ring, 2);
        batch.add(1, payload(0, 0));
        batch.add(1, payload(5 * SLOT_SIZE, 1));
        batch.add(1, payload(0, 2));

        assertThat(batch.runs()).extracting(EncodedBatch.Run::count).containsExactly(1, 1, 1);
    }

    @Test
    void shouldEndARunWhereItsChunkEndsAndSizeTheNextChunkForTheMessagesLeft() {
        int length = 300_000;
        EncodedBatch batch = new EncodedBatch(5, ring, Integer.MAX_VALUE);
        for (int i = 0; i < 5; i++) {
            batch.add(1, payload(length, i));
        }

        List<EncodedBatch.Run> runs = batch.runs();

        // the first chunk takes three of 1 MiB; the second is sized for the two left
        assertThat(runs).extracting(EncodedBatch.Run::from).containsExactly(0, 3);
        assertThat(runs).extracting(EncodedBatch.Run::to).containsExactly(3, 5);
        assertThat(runs.get(0).payloads().capacity()).isEqualTo(3 * length);
        assertThat(runs.get(1).payloads().capacity()).isEqualTo(2 * length);
        assertThat(bytes(runs.get(1).payloads())).isEqualTo(concat(payload(length, 3), payload(length, 4)));
    }

    @Test
    void shouldCopyEachPayloadAndLeaveTheEncodersBufferAsItWas() {
        EncodedBatch batch = new EncodedBatch(2, ring, 8);
        ByteBuffer encoder = ByteBuffer.allocate(32);
        encoder.put(0, payload(10, 1), 0, 10).limit(10);

        batch.add(1, encoder);
        encoder.put(0, payload(10, 2), 0, 10);
        batch.add(2, encoder);

        assertThat(encoder.position()).isZero();
        assertThat(encoder.limit()).isEqualTo(10);
        assertThat(bytes(batch.runs().get(0).payloads())).isEqualTo(concat(payload(10, 1), payload(10, 2)));
    }

    private static ByteBuffer payload(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 7 + 1);
        }
        return ByteBuffer.wrap(bytes);
    }

    private static byte[] concat(ByteBuffer... parts) {
        ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(ByteBuffer::remaining).sum());
        for (ByteBuffer part : parts) {
            all.put(part.duplicate());
        }
        return all.array();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
