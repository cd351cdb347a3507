package io.ringkernel.backend.aparapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelHandle;
import org.junit.jupiter.api.Test;

/** Java handlers on Aparapi's Java thread pool, where a handler can also throw. */
class AparapiHandlersOnThreadPoolTest extends AparapiHandlerSuite {

    @Override
    int device() {
        return AparapiDevicesUnderTest.threadPool();
    }

    @Override
    String deviceName() {
        return AparapiDevices.THREAD_POOL_NAME;
    }

    @Test
    void shouldAnswerTheBatchOfAThrowingHandlerWithErrorsAndKeepServing() {
        KernelHandle kernel = launch(MisbehavingHandlers.OutOfBounds.class);
        assertError(kernel, ErrorCode.HANDLER_FAILED, "the Aparapi handler of kernel 'k' threw");
        assertThat(kernel.call(new Reading(1, true, 0, new float[0], (short) 0, 'a'), Summary.class, TIMEOUT)
                .sensor()).isEqualTo(1);
    }
}
