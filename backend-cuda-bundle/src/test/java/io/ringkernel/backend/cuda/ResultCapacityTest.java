package io.ringkernel.backend.cuda;

import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.RuntimeConfig;
import org.junit.jupiter.api.Test;

/** How many result entries, and so records a round, a persistent kernel gets from its budget. */
class ResultCapacityTest {
    private static final int DEFAULT_MAX_PAYLOAD = RuntimeConfig.DEFAULT_MAX_MESSAGE_SIZE - HEADER_LENGTH;

    @Test
    void shouldFitAsManyEntriesOfTheLargestReplyAsTheBudgetHoldsWithoutRoundingToAPowerOfTwo() {
        int stride = ResultRing.strideFor(DEFAULT_MAX_PAYLOAD);

        int capacity = PersistentCudaKernel.resultCapacity(4096, DEFAULT_MAX_PAYLOAD);

        assertThat(capacity).isEqualTo(509).isEqualTo((int) (CudaKernel.MAX_WORK_BYTES / stride));
        assertThat((long) capacity * stride).isLessThanOrEqualTo(CudaKernel.MAX_WORK_BYTES);
    }

    @Test
    void shouldGiveOneEntryPerInputSlotWhereTheBudgetHoldsMore() {
        assertThat(PersistentCudaKernel.resultCapacity(4096, 1024 - HEADER_LENGTH)).isEqualTo(4096);
        assertThat(PersistentCudaKernel.resultCapacity(64, DEFAULT_MAX_PAYLOAD)).isEqualTo(64);
    }
}
