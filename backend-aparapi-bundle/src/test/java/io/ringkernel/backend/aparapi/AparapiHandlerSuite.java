package io.ringkernel.backend.aparapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Java handlers through Aparapi on one device: every kind of column in both directions, batches,
 * and each way a handler's outcome can be wrong, answered with a typed error while the kernel
 * keeps running.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class AparapiHandlerSuite {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private RingKernelRuntime runtime;

    /** @return the Aparapi device index under test */
    abstract int device();

    /** @return what the kernels' metrics must name as their device */
    abstract String deviceName();

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.shutdown();
        }
    }

    KernelHandle launch(Class<?> handler) {
        runtime = TestKernels.runtime(device(), handler);
        return runtime.launch("k", LaunchOptions.defaults().withDefinition(TestKernels.ID));
    }

    @Test
    void shouldUnpackEveryColumnKindAndPackTheReply() {
        KernelHandle kernel = launch(SummaryHandler.class);
        Summary summary = kernel.call(new Reading(5, true, 1.5, new float[] {1, 2, 3.25f}, (short) 0x11, 'a'),
                Summary.class, TIMEOUT);
        assertThat(summary.sensor()).isEqualTo(5);
        assertThat(summary.valid()).isFalse();
        assertThat(summary.total()).isEqualTo(7.75);
        assertThat(summary.reversed()).containsExactly(3.25f, 2, 1);
        assertThat(summary.samples()).isEqualTo(3);
        assertThat(summary.grade()).isEqualTo('b');
        Summary empty = kernel.call(new Reading(6, false, -2, new float[0], (short) 0, 'x'), Summary.class, TIMEOUT);
        assertThat(empty).usingRecursiveComparison().isEqualTo(new Summary(6, true, -2, new float[0], 0, 'y'));
    }

    @Test
    void shouldAnswerEveryMessageOfABatchWithItsOwnReply() {
        KernelHandle kernel = launch(SummaryHandler.class);
        int messages = 2_000;
        Map<Long, Integer> sensorBySequence = new HashMap<>();
        for (int i = 0; i < messages; i++) {
            float[] samples = new float[i % 7];
            for (int j = 0; j < samples.length; j++) {
                samples[j] = i + j;
            }
            sensorBySequence.put(kernel.send(new Reading(i, i % 2 == 0, i, samples, (short) i, 'k')), i);
        }
        for (int i = 0; i < messages; i++) {
            var received = kernel.receive(TIMEOUT);
            Summary summary = received.payload(Summary.class);
            int sensor = sensorBySequence.remove(received.correlationId());
            int count = sensor % 7;
            assertThat(summary.sensor()).isEqualTo(sensor);
            assertThat(summary.samples()).isEqualTo(count);
            assertThat(summary.total()).isEqualTo(sensor + (double) count * sensor + count * (count - 1) / 2.0);
        }
        assertThat(sensorBySequence).isEmpty();
        KernelMetrics metrics = kernel.metrics();
        assertThat(metrics.processed()).isEqualTo(messages);
        assertThat(metrics.errors()).isZero();
    }

    @Test
    void shouldReportTheModeAndTheDeviceItRunsOn() {
        KernelMetrics metrics = launch(SummaryHandler.class).metrics();
        assertThat(metrics.mode()).isEqualTo(LaunchMode.EVENT_DRIVEN);
        assertThat(metrics.device().name()).isEqualTo(deviceName());
    }

    @Test
    void shouldAnswerAReplyOfAnUndeclaredTypeWithReplyFailed() {
        KernelHandle kernel = launch(MisbehavingHandlers.UndeclaredReply.class);
        assertError(kernel, ErrorCode.REPLY_FAILED, "replied with message type 99, which the kernel does not declare");
    }

    @Test
    void shouldAnswerAMeaninglessReplyTypeWithHandlerFailed() {
        KernelHandle kernel = launch(MisbehavingHandlers.NegativeReply.class);
        assertError(kernel, ErrorCode.HANDLER_FAILED, "set replyType to -7, neither a message type nor NO_REPLY nor FAILED");
    }

    @Test
    void shouldAnswerAReplyArrayLongerThanItsSliceWithHandlerFailed() {
        KernelHandle kernel = launch(MisbehavingHandlers.OversizedArray.class);
        assertError(kernel, ErrorCode.HANDLER_FAILED, "set the length of reply component 'reversed' to 1000000, outside 0..");
    }

    @Test
    void shouldExplainAFailureWithTheDefaultText() {
        KernelHandle kernel = launch(MisbehavingHandlers.Failing.class);
        assertError(kernel, ErrorCode.HANDLER_FAILED, "the handler failed message type 1 with code 42");
    }

    @Test
    void shouldStillAnswerWhenTheFailureExplanationThrows() {
        KernelHandle kernel = launch(MisbehavingHandlers.ThrowingExplanation.class);
        assertError(kernel, ErrorCode.HANDLER_FAILED, "failed message type 1 with code 3 (describeFailure threw "
                + "java.lang.IllegalStateException: no words for code 3)");
    }

    /** Two calls get the error, the kernel counts both and stays active. */
    static void assertError(KernelHandle kernel, ErrorCode code, String detail) {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> kernel.call(new Reading(42, true, 0, new float[] {1}, (short) 0, 'a'),
                    Summary.class, TIMEOUT))
                    .isInstanceOfSatisfying(KernelErrorException.class, e -> {
                        assertThat(e.code()).isEqualTo(code);
                        assertThat(e.getMessage()).contains(detail);
                    });
        }
        assertThat(kernel.metrics().errors()).isEqualTo(2);
        assertThat(kernel.status()).isEqualTo(KernelStatus.ACTIVE);
    }
}
