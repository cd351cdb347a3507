package io.ringkernel.examples;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.ReceivedMessage;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageHandler;
import io.ringkernel.spi.MessageType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** The README's API tour, compiled and run by a test that also checks the README shows exactly this code. */
final class ApiTour {
    private ApiTour() {
    }

    // api-tour:begin
    // A kernel definition: an id, the message types it speaks, and a handler.
    static final class UpperCaseKernel implements KernelDefinition {
        @Override
        public String id() {
            return "upper";
        }

        @Override
        public List<MessageType<?>> messageTypes() {
            return List.of(MessageType.of(1, Greeting.class, "kryo"));
        }

        @Override
        public MessageHandler javaHandler() {
            return (message, context) -> new Greeting(((Greeting) message).text().toUpperCase(Locale.ROOT));
        }
    }

    static String tour() {
        try (RingKernelRuntime runtime = RingKernelRuntime.builder()
                .backend(BackendType.AUTO)                 // the best backend present; CPU is always there
                .config(RuntimeConfig.defaults())          // 4096-slot queues, 64 KiB messages, 5 s termination
                .addKernel(new UpperCaseKernel())
                .build()) {
            KernelHandle upper = runtime.launch("upper", LaunchOptions.defaults());   // ACTIVE on launch

            // Request/reply, matched by correlation id; many threads may call at once.
            Greeting reply = upper.call(new Greeting("hello"), Greeting.class, Duration.ofSeconds(1));

            // Fire and forget, then collect the reply.
            upper.send(new Greeting("ring"));
            ReceivedMessage next = upper.receive(Duration.ofSeconds(1));

            // Async forms return CompletableFutures.
            CompletableFuture<Object> later = upper.callAsync(new Greeting("kernel"), Duration.ofSeconds(1));
            Greeting third = (Greeting) later.join();

            // Lifecycle: messages queue while deactivated and are processed on activation.
            upper.deactivate();
            upper.activate();

            KernelMetrics metrics = upper.metrics();   // counts, queue depths, p50/p99/p99.9 latency
            upper.terminate();
            return reply.text() + " " + next.payload(Greeting.class).text() + " " + third.text()
                    + " / processed " + metrics.processed() + ", " + upper.status();
        }
    }
    // api-tour:end
}
