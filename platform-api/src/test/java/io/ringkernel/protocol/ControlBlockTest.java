package io.ringkernel.protocol;

import static io.ringkernel.protocol.ControlBlockDescriptor.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ControlBlockTest {

    @Test
    void shouldStartWithEveryFlagAndCounterClearOnZeroedMemory() {
        ControlBlock block = new ControlBlock(TestMemory.aligned(LENGTH), 0);

        assertThat(block.activeRequested()).isFalse();
        assertThat(block.terminateRequested()).isFalse();
        assertThat(block.hasTerminated()).isFalse();
        assertThat(block.lastError()).isZero();
        assertThat(block.heartbeat()).isZero();
        assertThat(block.inFlight()).isZero();
        assertThat(block.clock()).isZero();
    }

    @Test
    void shouldRoundTripEveryFlag() {
        ControlBlock block = new ControlBlock(TestMemory.aligned(LENGTH), 0);

        block.requestActive(true);
        assertThat(block.activeRequested()).isTrue();
        block.requestActive(false);
        assertThat(block.activeRequested()).isFalse();
        block.requestTerminate();
        assertThat(block.terminateRequested()).isTrue();
        block.markTerminated();
        assertThat(block.hasTerminated()).isTrue();
    }

    @Test
    void shouldRoundTripTheKernelsCounters() {
        ControlBlock block = new ControlBlock(TestMemory.aligned(LENGTH), 0);

        block.beat();
        block.beat();
        block.beat();
        block.lastError(6);
        block.inFlight(11);
        block.clock(HybridLogicalClock.pack(123_456, 7));

        assertThat(block.heartbeat()).isEqualTo(3);
        assertThat(block.lastError()).isEqualTo(6);
        assertThat(block.inFlight()).isEqualTo(11);
        assertThat(block.clock()).isEqualTo(HybridLogicalClock.pack(123_456, 7));
    }

    @Test
    void shouldInitialiseLineZeroFromTheRingsLittleEndianAtTheDescriptorOffsets() {
        ByteBuffer memory = TestMemory.aligned(LENGTH);
        ControlBlock block = new ControlBlock(memory, 0);

        block.initialise(5, TestMemory.ring(16, 128), TestMemory.ring(8, 256), 1000, true);

        assertThat(memory.getInt(KERNEL_NUMBER_OFFSET)).isEqualTo(5);
        assertThat(memory.getInt(PROTOCOL_VERSION_OFFSET)).isEqualTo(MessageHeaderDescriptor.VERSION);
        assertThat(memory.getInt(INPUT_CAPACITY_OFFSET)).isEqualTo(16);
        assertThat(memory.getInt(INPUT_SLOT_SIZE_OFFSET)).isEqualTo(128);
        assertThat(memory.getInt(OUTPUT_CAPACITY_OFFSET)).isEqualTo(8);
        assertThat(memory.getInt(OUTPUT_SLOT_SIZE_OFFSET)).isEqualTo(256);
        assertThat(memory.getInt(MAX_PAYLOAD_OFFSET)).isEqualTo(1000);
        assertThat(memory.getInt(MODE_OFFSET)).isEqualTo(1);
        assertThat(memory.get(MAX_PAYLOAD_OFFSET)).as("low byte first").isEqualTo((byte) (1000 & 0xFF));
        assertThat(block.kernelNumber()).isEqualTo(5);
        assertThat(block.maxPayload()).isEqualTo(1000);
    }

    @Test
    void shouldWriteModeZeroForPersistentKernels() {
        ByteBuffer memory = TestMemory.aligned(LENGTH);
        memory.putInt(MODE_OFFSET, 1);

        new ControlBlock(memory, 0).initialise(1, TestMemory.ring(4, 64), TestMemory.ring(4, 64), 64, false);

        assertThat(memory.getInt(MODE_OFFSET)).isZero();
    }

    @Test
    void shouldWriteHostFieldsOnlyOnLineZero() {
        assertWritesStayIn(0, 64, block -> {
            block.initialise(5, TestMemory.ring(16, 128), TestMemory.ring(8, 256), 1000, true);
            block.requestActive(true);
            block.requestTerminate();
        });
    }

    @Test
    void shouldWriteKernelFieldsOnlyOnLineOne() {
        assertWritesStayIn(64, 128, block -> {
            block.markTerminated();
            block.lastError(3);
            block.beat();
            block.inFlight(-1);
            block.clock(-1);
        });
    }

    @Test
    void shouldShareStateBetweenFlyweightsOverTheSameMemory() {
        ByteBuffer memory = TestMemory.aligned(3 * LENGTH);
        ControlBlock host = new ControlBlock(memory, 2 * LENGTH);
        ControlBlock kernel = new ControlBlock(memory, 2 * LENGTH);

        host.requestActive(true);
        kernel.beat();

        assertThat(kernel.activeRequested()).isTrue();
        assertThat(host.heartbeat()).isEqualTo(1);
        assertThat(memory.getInt(2 * LENGTH + ACTIVE_REQUESTED_OFFSET)).isEqualTo(1);
    }

    @Test
    void shouldRejectAMisalignedOffset() {
        ByteBuffer memory = TestMemory.aligned(4 * LENGTH);

        assertThatIllegalArgumentException().isThrownBy(() -> new ControlBlock(memory, 64))
                .withMessage("control block must start on a 128-byte boundary, got offset 64");
        assertThatIllegalArgumentException().isThrownBy(() -> new ControlBlock(memory, -128))
                .withMessage("control block must start on a 128-byte boundary, got offset -128");
    }

    @Test
    void shouldRejectABlockThatRunsPastTheBuffer() {
        ByteBuffer memory = TestMemory.aligned(2 * LENGTH - 1);

        assertThatIllegalArgumentException().isThrownBy(() -> new ControlBlock(memory, LENGTH))
                .withMessage("control block needs 128 bytes at offset 128 but the buffer holds 255");
    }

    @Test
    void shouldRejectAHeapBuffer() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ControlBlock(ByteBuffer.allocate(LENGTH), 0))
                .withMessageContaining("direct");
    }

    private static void assertWritesStayIn(int from, int to, Consumer<ControlBlock> writes) {
        ByteBuffer memory = TestMemory.aligned(LENGTH);

        writes.accept(new ControlBlock(memory, 0));

        boolean changedInside = false;
        for (int i = 0; i < LENGTH; i++) {
            if (i < from || i >= to) {
                assertThat(memory.get(i)).as("byte %d", i).isZero();
            } else {
                changedInside |= memory.get(i) != 0;
            }
        }
        assertThat(changedInside).isTrue();
    }
}
