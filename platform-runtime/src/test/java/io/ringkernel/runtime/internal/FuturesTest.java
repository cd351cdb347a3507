package io.ringkernel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The blocking wait of {@code call()}: its own timeout, a reply that races it, and the work it assists. */
class FuturesTest {
    private static final long ONE_MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final Futures.Assist NOTHING_TO_ASSIST = Futures.Assist.NONE;

    private static KernelTimeoutException timeout() {
        return new KernelTimeoutException("k", "the reply to message 7", Duration.ofMillis(1));
    }

    @Test
    void shouldReturnWhatTheFutureHoldsWithoutAskingForATimeout() {
        AtomicInteger timeouts = new AtomicInteger();

        Object reply = Futures.await("k", CompletableFuture.completedFuture("reply"), ONE_MS, () -> {
            timeouts.incrementAndGet();
            return timeout();
        }, NOTHING_TO_ASSIST);

        assertThat(reply).isEqualTo("reply");
        assertThat(timeouts).hasValue(0);
    }

    @Test
    void shouldThrowTheTimeoutAndFailTheFutureWithItSoALaterReplyFindsItDone() {
        CompletableFuture<Object> call = new CompletableFuture<>();
        KernelTimeoutException expected = timeout();

        assertThatThrownBy(() -> Futures.await("k", call, ONE_MS, () -> expected, NOTHING_TO_ASSIST)).isSameAs(expected);
        assertThat(call.isCompletedExceptionally()).isTrue();
        assertThat(call.complete("late reply")).as("a reply after the timeout is refused, so it is counted late").isFalse();
    }

    @Test
    void shouldReturnAReplyThatCameWhileTheTimeoutWasBeingMade() {
        CompletableFuture<Object> call = new CompletableFuture<>();

        Object reply = Futures.await("k", call, ONE_MS, () -> {
            call.complete("just in time");
            return timeout();
        }, NOTHING_TO_ASSIST);

        assertThat(reply).isEqualTo("just in time");
    }

    @Test
    void shouldThrowAnErrorReplyAsItsTypedException() {
        CompletableFuture<Object> call = new CompletableFuture<>();
        KernelErrorException error = new KernelErrorException("k", 7, ErrorCode.HANDLER_FAILED, "boom");
        call.completeExceptionally(error);

        assertThatThrownBy(() -> Futures.await("k", call, ONE_MS, FuturesTest::timeout, NOTHING_TO_ASSIST)).isSameAs(error);
    }

    @Test
    void shouldLendItsThreadToTheWorkThatCompletesTheFutureWhileItSpins() {
        CompletableFuture<Object> call = new CompletableFuture<>();
        AtomicInteger steps = new AtomicInteger();
        AtomicInteger parkings = new AtomicInteger();

        Object reply = Futures.await("k", call, TimeUnit.SECONDS.toNanos(10), FuturesTest::timeout, new Futures.Assist(
                () -> steps.incrementAndGet() == 3 && call.complete("collected by the caller"), parkings::incrementAndGet));

        assertThat(reply).isEqualTo("collected by the caller");
        assertThat(steps).as("no step after the one that completed the future").hasValue(3);
        assertThat(parkings).as("it never stopped spinning").hasValue(0);
    }

    @Test
    void shouldSayOnceThatItStopsSpinningBeforeTheFutureCompletes() {
        CompletableFuture<Object> call = new CompletableFuture<>();
        AtomicInteger parkings = new AtomicInteger();
        CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS).execute(() -> call.complete("slow reply"));

        Object reply = Futures.await("k", call, TimeUnit.SECONDS.toNanos(10), FuturesTest::timeout,
                new Futures.Assist(() -> false, parkings::incrementAndGet));

        assertThat(reply).isEqualTo("slow reply");
        assertThat(parkings).hasValue(1);
    }

    @Test
    void shouldWaitForeverForATimeoutOfLongMaxValue() {
        CompletableFuture<Object> call = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS).execute(() -> call.complete("slow reply"));

        assertThat(Futures.await("k", call, Long.MAX_VALUE, FuturesTest::timeout, NOTHING_TO_ASSIST)).isEqualTo("slow reply");
    }
}
