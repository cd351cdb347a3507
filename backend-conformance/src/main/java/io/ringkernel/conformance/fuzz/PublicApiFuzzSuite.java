package io.ringkernel.conformance.fuzz;

import static io.ringkernel.protocol.MessageHeaderDescriptor.HEADER_LENGTH;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelTimeoutException;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.MessageTooLargeException;
import io.ringkernel.api.RingKernelException;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.SerializationException;
import io.ringkernel.conformance.BackendPresence;
import io.ringkernel.conformance.Blob;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.Fail;
import io.ringkernel.conformance.Ping;
import io.ringkernel.conformance.fuzz.ApiDelivery.Delivered;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes a backend through the public API: a {@link RingKernelRuntime} built with
 * {@code RingKernelRuntime.builder()} runs two conformance kernels, one with the default maximum
 * message size and one with a small one, and gets the messages {@link ApiCases} generates, by
 * {@code call}, {@code callAsync}, {@code send}, {@code sendAsync} or {@code sendAll} (a batch of
 * the message and a valid Ping, refused whole, naming the message's index, if the message is)
 * with random timeouts. It promises, for every message, exactly one outcome ({@link ApiOutcome})
 * within 10 s —
 * <ul>
 *   <li>the echo of what was sent, as the type the sender asked for;</li>
 *   <li>or a typed exception that says what was wrong: {@link SerializationException} for null,
 *       an object of a class the kernel has no message type for, a blob with a null array, or a
 *       reply that is not of the type asked for; {@link MessageTooLargeException} with the
 *       message's size and the kernel's maximum; {@link KernelErrorException} with
 *       {@link ErrorCode#HANDLER_FAILED} and the handler's reason for a {@link Fail};
 *       {@link KernelTimeoutException} for a call whose timeout, shorter than 10 s, ran out first;</li>
 * </ul>
 * never another exception, no lost reply (a receive that times out still gets the reply after),
 * no stray one. After every message a valid call gets its echo, and the kernel's metrics have
 * changed as the outcomes say ({@link ExpectedMetrics}): messages in and out, processed,
 * errors, late replies, the last error; nothing dropped or left in the output queue. A backend
 * runs the suite through a thin subclass; the tries come from {@code jqwik.tries.default} in that
 * module (docs/reliability-fuzzing.md).
 */
public abstract class PublicApiFuzzSuite extends BackendFuzzSuite {
    private static final String OUTCOME = "outcome";
    private static final String BLOB_SIZE = "blob size";
    private static final String WAITING = "waiting";
    private static final String DELIVERY = "delivery";
    private RingKernelRuntime runtime;
    private final Map<ApiTarget, KernelHandle> kernels = new EnumMap<>(ApiTarget.class);
    private long nextCheck = 1;

    /**
     * @return whether the backend counts a message its handler failed on as processed: a device
     *         handler that reports a failure has run, a Java handler that throws has not
     */
    protected boolean handlerFailuresCountAsProcessed() {
        return false;
    }

    /** Builds the runtime on the backend and launches the two kernels; fails if a backend required here cannot run. */
    @BeforeProperty
    void launch() {
        BackendPresence.require(backend());
        runtime = RingKernelRuntime.builder().backend(backend().type()).device(device()).addBackend(backend())
                .addKernel(new ConformanceKernel()).build();
        for (ApiTarget target : ApiTarget.values()) {
            kernels.put(target, runtime.launch(target.kernelId(), LaunchOptions.defaults()
                    .withDefinition(ConformanceKernel.ID).withMaxMessageSize(target.maxMessageSize())));
        }
    }

    /** Shuts the runtime down. */
    @AfterProperty
    void shutdown() {
        if (runtime != null) {
            runtime.shutdown();
        }
    }

    @Property
    @AddLifecycleHook(SkipWhereTheBackendCannotRun.class)
    void shouldGiveEveryMessageItsOneTypedOutcomeAndKeepServing(@ForAll("apiCases") ApiCase apiCase) {
        KernelHandle kernel = kernels.get(apiCase.target());
        ExpectedMetrics metrics = new ExpectedMetrics(kernel.metrics(), handlerFailuresCountAsProcessed());

        Delivered delivered = apiCase.delivery().deliver(kernel, apiCase);

        ApiOutcome outcome = checkedOutcome(apiCase, kernel.id(), delivered);
        Statistics.label(OUTCOME).collect(outcome);
        Statistics.label(DELIVERY).collect(apiCase.delivery());
        Statistics.label(WAITING).collect(outcome == ApiOutcome.TIMED_OUT ? "call timed out"
                : delivered.receiveTimedOut() ? "receive timed out, reply came after" : "answered in time");
        if (apiCase.blobSize() != null) {
            Statistics.label(BLOB_SIZE).collect(apiCase.blobSize());
        }
        Ping check = new Ping(nextCheck++, -1);
        assertThat(kernel.call(check, Ping.class, ApiDelivery.WAIT)).as("the valid call after it").isEqualTo(check);
        assertThat(kernel.tryReceive()).as("a message nobody waits for").isEmpty();
        metrics.count(apiCase.answer(), outcome == ApiOutcome.TIMED_OUT);
        int alongside = apiCase.answer().sent() ? apiCase.delivery().validMessagesAlongside() : 0;
        for (int i = 0; i <= alongside; i++) { // the Pings sent along with the message, and the valid call
            metrics.count(ApiOutcome.ECHOED, false);
        }
        metrics.check(kernel.metrics());
        // Shares well above these at 500 tries and more (docs/reliability-fuzzing.md); the rarer
        // outcomes and sizes need only be reached.
        Statistics.label(OUTCOME).coverage(coverage -> {
            coverage.check(ApiOutcome.ECHOED).percentage(p -> p > 20);
            coverage.check(ApiOutcome.NOT_A_MESSAGE_TYPE).percentage(p -> p > 5);
            coverage.check(ApiOutcome.TOO_LARGE).percentage(p -> p > 3);
            coverage.check(ApiOutcome.HANDLER_FAILED).percentage(p -> p > 3);
            coverage.check(ApiOutcome.WRONG_REPLY_TYPE).count(c -> c > 0);
            coverage.check(ApiOutcome.TIMED_OUT).count(c -> c > 0);
            coverage.check(ApiOutcome.NOT_ENCODABLE).count(c -> c > 0);
        });
        Statistics.label(DELIVERY).coverage(coverage -> {
            for (ApiDelivery delivery : ApiDelivery.values()) {
                coverage.check(delivery).count(c -> c > 0);
            }
        });
        Statistics.label(WAITING).coverage(coverage ->
                coverage.check("receive timed out, reply came after").count(c -> c > 0));
        Statistics.label(BLOB_SIZE).coverage(coverage -> {
            for (String size : List.of("empty", "at the limit", "just over the limit", "far over the limit")) {
                coverage.check(size).count(c -> c > 0);
            }
        });
    }

    @Provide
    Arbitrary<ApiCase> apiCases() {
        return ApiCases.apiCases();
    }

    /** Checks what a delivery came to against what the case must come to, and tells which outcome it is. */
    private static ApiOutcome checkedOutcome(ApiCase apiCase, String kernelId, Delivered delivered) {
        RingKernelException failure = delivered.failure();
        if (delivered.receiveTimedOut()) {
            assertThat(apiCase.timeout()).as("a receive timed out").isLessThan(ApiDelivery.WAIT);
        }
        if (failure instanceof KernelTimeoutException && apiCase.mayTimeOut()) {
            assertThat(failure.getMessage()).startsWith("timed out after " + apiCase.timeout().toMillis()
                    + " ms waiting for the reply to message ").endsWith(" from kernel '" + kernelId + "'");
            return ApiOutcome.TIMED_OUT;
        }
        ApiOutcome answer = apiCase.answer();
        if (answer == ApiOutcome.ECHOED) {
            assertThat(failure).as("the failure instead of the echo").isNull();
            assertEchoes(apiCase, delivered);
            return answer;
        }
        assertThat(failure).as("the failure for " + answer).isNotNull();
        assertThat(failure.kernelId()).as("the kernel the failure names").isIn(kernelId, null);
        String refused = apiCase.delivery().failurePrefix();
        switch (answer) {
            case HANDLER_FAILED -> {
                assertThat(failure).isExactlyInstanceOf(KernelErrorException.class)
                        .hasMessageContaining("kernel '" + kernelId + "'")
                        .hasMessageContaining("failure " + ((Fail) apiCase.message()).code() + " requested by the sender");
                assertThat(((KernelErrorException) failure).code()).isEqualTo(ErrorCode.HANDLER_FAILED);
                if (delivered.messageId() != 0) {
                    assertThat(((KernelErrorException) failure).messageId()).isEqualTo(delivered.messageId());
                }
            }
            case WRONG_REPLY_TYPE -> assertThat(failure).isExactlyInstanceOf(SerializationException.class)
                    .hasMessage(delivered.received() == null
                            ? "kernel '" + kernelId + "' replied with a " + apiCase.message().getClass().getName()
                                    + ", not the expected " + apiCase.replyType().getName()
                            : "message " + delivered.received().messageId() + " carries a "
                                    + apiCase.message().getClass().getName() + ", not a " + apiCase.replyType().getName());
            case TOO_LARGE -> assertThat(failure).isExactlyInstanceOf(MessageTooLargeException.class)
                    .hasMessage(refused + "message of type " + Blob.class.getName() + " for kernel '" + kernelId + "' is "
                            + (HEADER_LENGTH + apiCase.encodedLength()) + " bytes with its header; the kernel's maximum"
                            + " message size is " + apiCase.target().maxMessageSize() + " bytes");
            case NOT_ENCODABLE -> assertThat(failure).isExactlyInstanceOf(SerializationException.class)
                    .hasMessageStartingWith(refused + "kernel '" + kernelId + "' could not encode a " + Blob.class.getName() + ": ")
                    .hasMessageContaining("array component 'data' is null");
            case NOT_A_MESSAGE_TYPE -> assertThat(failure).isExactlyInstanceOf(SerializationException.class)
                    .hasMessage(refused + (apiCase.message() == null ? "cannot send null to kernel '" + kernelId + "'"
                            : "kernel '" + kernelId + "' has no message type for " + apiCase.message().getClass().getName()
                                    + "; it accepts [" + Blob.class.getName() + ", " + Fail.class.getName() + ", "
                                    + Ping.class.getName() + "]"));
            default -> throw new AssertionError("no check for " + answer);
        }
        return answer;
    }

    private static void assertEchoes(ApiCase apiCase, Delivered delivered) {
        if (apiCase.message() instanceof Blob blob) {
            assertThat(delivered.reply()).isInstanceOf(Blob.class);
            assertThat(((Blob) delivered.reply()).data()).as("echoed data").isEqualTo(blob.data());
        } else {
            assertThat(delivered.reply()).as("echo").isEqualTo(apiCase.message());
        }
        if (delivered.received() != null) {
            assertThat(delivered.received().correlationId()).as("correlation id").isEqualTo(delivered.messageId());
            assertThat(delivered.received().messageType()).as("message type").isEqualTo(apiCase.typeId());
        }
    }
}
