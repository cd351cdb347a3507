package io.ringkernel.conformance.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelTimeoutException;
import io.ringkernel.api.ReceivedMessage;
import io.ringkernel.api.RingKernelException;
import io.ringkernel.conformance.Ping;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * How the public-API fuzz suite sends a message and collects its outcome: a blocking or an
 * asynchronous call with the case's timeout, or a blocking or an asynchronous send, or a batch of
 * the message and a valid Ping, whose reply is then received, first with the case's timeout and,
 * should that run out, with {@link #WAIT}.
 * Whatever the API throws that is no {@link RingKernelException}, and anything that takes longer
 * than {@link #WAIT}, fails the property.
 */
enum ApiDelivery {
    /** {@code call(message, replyType, timeout)}. */
    CALL {
        @Override
        Delivered deliver(KernelHandle kernel, ApiCase apiCase) {
            try {
                return Delivered.reply(kernel.call(apiCase.message(), apiCase.replyType(), apiCase.timeout()));
            } catch (RingKernelException e) {
                return Delivered.failure(e);
            }
        }
    },
    /** {@code callAsync(message, timeout)}, its future awaited. */
    CALL_ASYNC {
        @Override
        Delivered deliver(KernelHandle kernel, ApiCase apiCase) {
            try {
                return Delivered.reply(await(kernel.callAsync(apiCase.message(), apiCase.timeout())));
            } catch (RingKernelException e) {
                return Delivered.failure(e);
            }
        }
    },
    /** {@code send(message)}, then {@code receive}. */
    SEND {
        @Override
        Delivered deliver(KernelHandle kernel, ApiCase apiCase) {
            return sentThenReceived(kernel, apiCase, () -> kernel.send(apiCase.message()));
        }
    },
    /** {@code sendAsync(message)}, its future awaited, then {@code receive}. */
    SEND_ASYNC {
        @Override
        Delivered deliver(KernelHandle kernel, ApiCase apiCase) {
            return sentThenReceived(kernel, apiCase, () -> await(kernel.sendAsync(apiCase.message())));
        }
    },
    /**
     * {@code sendAll} of a batch of two, the message and after it a valid {@link Ping}, then
     * {@code receive} of the message's outcome and of the Ping's echo, whose id is the next one.
     */
    SEND_ALL {
        @Override
        Delivered deliver(KernelHandle kernel, ApiCase apiCase) {
            long messageId;
            Ping after = new Ping(Long.MIN_VALUE, -2);
            try {
                messageId = kernel.sendAll(Arrays.asList(apiCase.message(), after));
            } catch (RingKernelException e) {
                return Delivered.failure(e);
            }
            Delivered delivered = receive(kernel, apiCase, messageId);
            ReceivedMessage echo = kernel.receive(WAIT);
            assertThat(echo.payload(Ping.class)).as("the echo of the Ping behind the message").isEqualTo(after);
            assertThat(echo.correlationId()).as("the Ping's id, the one after the message's").isEqualTo(messageId + 1);
            return delivered;
        }

        @Override
        String failurePrefix() {
            return "message at index 0 of a batch of 2: ";
        }

        @Override
        int validMessagesAlongside() {
            return 1;
        }
    };

    /** The longest any outcome may take to arrive, in seconds; also the generous timeout of the cases. */
    static final int WAIT_SECONDS = 10;
    /** {@value #WAIT_SECONDS} s. */
    static final Duration WAIT = Duration.ofSeconds(WAIT_SECONDS);

    /**
     * @param kernel the kernel to send to
     * @param apiCase what to send, and how long to wait
     * @return what came of it
     */
    abstract Delivered deliver(KernelHandle kernel, ApiCase apiCase);

    /** @return true if the case's timeout bounds the wait for the reply, and running out is an outcome */
    boolean timeoutIsAnOutcome() {
        return this == CALL || this == CALL_ASYNC;
    }

    /** @return true if the sender names the reply's type, which the API checks */
    boolean checksReplyType() {
        return this != CALL_ASYNC;
    }

    /** @return what the message of a refused send starts with before what sending it alone says */
    String failurePrefix() {
        return "";
    }

    /** @return valid Pings sent along with the message, each echoed when the message is sent */
    int validMessagesAlongside() {
        return 0;
    }

    /** Sends the message one way, then receives its outcome; a refused send is the outcome. */
    private static Delivered sentThenReceived(KernelHandle kernel, ApiCase apiCase, LongSupplier send) {
        long messageId;
        try {
            messageId = send.getAsLong();
        } catch (RingKernelException e) {
            return Delivered.failure(e);
        }
        return receive(kernel, apiCase, messageId);
    }

    private static Delivered receive(KernelHandle kernel, ApiCase apiCase, long messageId) {
        boolean receiveTimedOut = false;
        ReceivedMessage received;
        try {
            try {
                received = kernel.receive(apiCase.timeout());
            } catch (KernelTimeoutException notYet) {
                receiveTimedOut = true;
                received = kernel.receive(WAIT);
            }
        } catch (RingKernelException e) {
            return new Delivered(null, e, messageId, null, receiveTimedOut);
        }
        try {
            return new Delivered(received.payload(apiCase.replyType()), null, messageId, received, receiveTimedOut);
        } catch (RingKernelException e) {
            return new Delivered(null, e, messageId, received, receiveTimedOut);
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toNanos() * 2, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RingKernelException typed) {
                throw typed;
            }
            throw new AssertionError("the future failed with an untyped exception", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the future had no outcome after " + WAIT.multipliedBy(2).toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * What a delivery came to.
     *
     * @param reply the reply, as the sender asked for it, or null
     * @param failure the typed exception the API gave instead, or null
     * @param messageId the id {@code send} gave the message, or 0 for a call or a message refused at sending
     * @param received the message {@code receive} took, or null
     * @param receiveTimedOut true if a receive with the case's timeout ran out before the reply came
     */
    record Delivered(Object reply, RingKernelException failure, long messageId, ReceivedMessage received,
                     boolean receiveTimedOut) {

        static Delivered reply(Object reply) {
            return new Delivered(reply, null, 0, null, false);
        }

        static Delivered failure(RingKernelException failure) {
            return new Delivered(null, failure, 0, null, false);
        }
    }
}
