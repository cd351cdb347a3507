package io.ringkernel.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The host's side of the result ring, against memory written as the device loop writes it. */
class ResultRingTest {
    private static final int CAPACITY = 4;
    private final int stride = ResultRing.strideFor(100);
    private final ByteBuffer memory = ByteBuffer.allocateDirect((int) ResultRing.requiredBytes(CAPACITY, stride))
            .order(ByteOrder.LITTLE_ENDIAN);
    private final ResultRing ring = new ResultRing(memory, CAPACITY, stride);

    @Test
    void shouldFitAHeaderAndAReplyOfTheLargestPayloadInWholeCacheLines() {
        assertThat(stride).isEqualTo(256);
        assertThat(ResultRing.strideFor(128)).isEqualTo(256);
        assertThat(ResultRing.strideFor(129)).isEqualTo(384);
    }

    @Test
    void shouldNumberEachCommandSoTheDevicesAcknowledgementNamesIt() {
        int park = ring.command(ResultRing.PARK);
        int run = ring.command(ResultRing.RUN);
        assertThat(park & 3).isEqualTo(ResultRing.PARK);
        assertThat(run & 3).isEqualTo(ResultRing.RUN);
        assertThat(run).isNotEqualTo(park);
        assertThat(memory.getInt(ResultRing.COMMAND_OFFSET)).isEqualTo(run);
        assertThat(ring.acknowledged()).isNotEqualTo(run);
        memory.putInt(ResultRing.ACKNOWLEDGED_OFFSET, run);
        assertThat(ring.acknowledged()).isEqualTo(run);
    }

    @Test
    void shouldHandOutPublishedEntriesInOrderAndTellTheDeviceWhatItCollected() {
        assertThat(ring.entryReady()).isFalse();
        for (int i = 0; i < CAPACITY; i++) {
            memory.putLong(ResultRing.ENTRIES_OFFSET + i * stride + ResultRing.ENTRY_POSITION_OFFSET, 10 + i);
        }
        memory.putLong(ResultRing.PUBLISHED_OFFSET, 2);
        assertThat(ring.entryReady()).isTrue();
        assertThat(memory.getLong(ring.oldestEntry())).isEqualTo(10);
        ring.collect();
        assertThat(memory.getLong(ring.oldestEntry())).isEqualTo(11);
        ring.collect();
        assertThat(ring.entryReady()).isFalse();
        assertThat(memory.getLong(ResultRing.COLLECTED_OFFSET)).isEqualTo(2);
        assertThat(ring.devicePublished()).isEqualTo(2);
    }

    @Test
    void shouldWrapEntriesAroundTheRing() {
        memory.putLong(ResultRing.PUBLISHED_OFFSET, CAPACITY + 1);
        for (int i = 0; i < CAPACITY; i++) {
            ring.collect();
        }
        assertThat(ring.entryReady()).isTrue();
        assertThat(ring.oldestEntry()).isEqualTo(ResultRing.ENTRIES_OFFSET);
    }

    @Test
    void shouldWrapARingWhoseCapacityIsNoPowerOfTwo() {
        ResultRing three = new ResultRing(memory, 3, stride);
        memory.putLong(ResultRing.PUBLISHED_OFFSET, 5);
        int[] offsets = new int[5];
        for (int i = 0; i < offsets.length; i++) {
            assertThat(three.entryReady()).isTrue();
            offsets[i] = three.oldestEntry();
            three.collect();
        }
        int first = ResultRing.ENTRIES_OFFSET;
        assertThat(offsets).containsExactly(first, first + stride, first + 2 * stride, first, first + stride);
        assertThat(three.entryReady()).isFalse();
    }

    @Test
    void shouldReadTheWaitingWordAsAPositionOrNone() {
        assertThat(ring.waitingAt()).isEqualTo(-1);
        memory.putLong(ResultRing.WAITING_OFFSET, 42 + 1);
        assertThat(ring.waitingAt()).isEqualTo(42);
    }

    @Test
    void shouldReadTheDevicesCounters() {
        memory.putLong(ResultRing.HANDLED_OFFSET, 7);
        memory.putLong(ResultRing.LATEST_OFFSET, 99);
        assertThat(ring.handled()).isEqualTo(7);
        assertThat(ring.latestTimestamp()).isEqualTo(99);
    }
}
