package io.ringkernel.shell;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelException;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.text.MessageFormatter;
import io.ringkernel.text.MessageParser;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * Apache Felix Gogo commands, scope {@value #SCOPE}, that list, launch, drive and inspect kernels
 * through the public {@link RingKernelRuntime} API.
 *
 * <p>Register an instance as a service with the properties {@code osgi.command.scope} =
 * {@link #SCOPE} and {@code osgi.command.function} = {@link #FUNCTIONS}; Gogo then offers
 * {@code rk:list}, {@code rk:call} and the rest, with the {@link Descriptor} texts as their help.
 *
 * <p><b>Errors.</b> Commands write their results to the stream given to the constructor and
 * report failures by throwing; they never print a stack trace themselves. Gogo shows a thrown
 * exception as one line, its class and its message, and keeps the stack trace in the session
 * variable {@code exception}. A user mistake in the arguments (unknown message type id, wrong
 * number of values, a value that does not parse, a non-positive timeout) is thrown as an
 * {@link IllegalArgumentException} whose message says what was expected. Failures the runtime
 * reports, such as an unknown kernel id ({@code KernelNotFoundException}), a wrong lifecycle
 * state or an error reply from the kernel ({@code KernelErrorException}), are thrown unchanged:
 * they are {@link RingKernelException}s whose one-line messages already name the kernel and what
 * went wrong, and their type tells a script which failure it was.
 */
public class RingKernelCommands {

    /** The Gogo scope of the commands ({@code osgi.command.scope}). */
    public static final String SCOPE = "rk";

    /** The command names ({@code osgi.command.function}), each a public method of this class. */
    public static final String[] FUNCTIONS = {
        "list", "launch", "activate", "deactivate", "terminate", "send", "call", "metrics", "backends"
    };

    /** How long {@code call} waits for a reply unless {@code --timeout} says otherwise. */
    public static final String DEFAULT_TIMEOUT_MILLIS = "5000";

    private static final String ROW = "%-16s %-12s %-8s %10s %8s %8s %10s%n";

    private final RingKernelRuntime runtime;
    private final PrintStream out;

    /**
     * @param runtime the runtime the commands act on
     * @param out where the commands write their results
     */
    public RingKernelCommands(RingKernelRuntime runtime, PrintStream out) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Prints one row per kernel, sorted by id: id, state, backend, processed messages, queue depths, p99 latency. */
    @Descriptor("lists the kernels: id, state, backend, processed messages, input/output queue depth, p99 latency in µs")
    public void list() {
        List<String> ids = runtime.listKernels().stream().sorted().toList();
        if (ids.isEmpty()) {
            out.println("no kernels");
            return;
        }
        out.printf(Locale.ROOT, ROW, "ID", "STATE", "BACKEND", "PROCESSED", "IN", "OUT", "P99 µs");
        for (String id : ids) {
            KernelMetrics metrics = runtime.metrics(id);
            out.printf(Locale.ROOT, ROW, id, metrics.status(), metrics.backend(), metrics.processed(),
                    metrics.inputDepth(), metrics.outputDepth(), micros(metrics.latencyP99()));
        }
    }

    /**
     * Launches a kernel from the definition with the same id.
     *
     * @param kernelId the kernel's id, also the definition's
     */
    @Descriptor("launches a kernel from the definition with the same id and activates it")
    public void launch(@Descriptor("kernel id, also the definition id") String kernelId) {
        launch(kernelId, kernelId);
    }

    /**
     * Launches a kernel from a named definition.
     *
     * @param kernelId the new kernel's id
     * @param definitionId the definition to instantiate
     */
    @Descriptor("launches a kernel from the named definition and activates it")
    public void launch(@Descriptor("kernel id") String kernelId,
                       @Descriptor("kernel definition id") String definitionId) {
        KernelHandle kernel = runtime.launch(kernelId, LaunchOptions.defaults().withDefinition(definitionId));
        out.printf(Locale.ROOT, "launched %s (definition %s) on %s: %s%n",
                kernel.id(), definitionId, kernel.metrics().backend(), kernel.status());
    }

    /** @param kernelId the kernel to start or resume */
    @Descriptor("starts or resumes processing")
    public void activate(@Descriptor("kernel id") String kernelId) {
        runtime.activate(kernelId);
        printStatus(kernelId);
    }

    /** @param kernelId the kernel to park */
    @Descriptor("parks a kernel; messages keep queueing")
    public void deactivate(@Descriptor("kernel id") String kernelId) {
        runtime.deactivate(kernelId);
        printStatus(kernelId);
    }

    /** @param kernelId the kernel to stop */
    @Descriptor("stops a kernel and releases its resources")
    public void terminate(@Descriptor("kernel id") String kernelId) {
        runtime.terminate(kernelId);
        printStatus(kernelId);
    }

    /**
     * Builds a message from text and queues it without waiting for a reply.
     *
     * @param kernelId the kernel
     * @param typeId the message type's wire id
     * @param values one value per record component
     */
    @Descriptor("queues a message built from text; arrays are comma-separated, e.g. 1,2,3")
    public void send(@Descriptor("kernel id") String kernelId,
                     @Descriptor("message type id") int typeId,
                     @Descriptor("one value per record component") String... values) {
        KernelHandle kernel = runtime.kernel(kernelId);
        Object message = MessageParser.parse(kernelId, kernel.messageTypes(), typeId, List.of(values));
        long messageId = kernel.send(message);
        out.printf(Locale.ROOT, "sent message %d to %s: %s%n", messageId, kernelId, MessageFormatter.format(message));
    }

    /**
     * Builds a message from text, sends it and prints the reply.
     *
     * @param timeoutMillis how long to wait for the reply, in milliseconds
     * @param kernelId the kernel
     * @param typeId the message type's wire id
     * @param values one value per record component
     */
    @Descriptor("sends a message built from text and prints the reply; arrays are comma-separated, e.g. 1,2,3")
    public void call(@Descriptor("how long to wait for the reply, in ms")
                     @Parameter(names = {"-t", "--timeout"}, absentValue = DEFAULT_TIMEOUT_MILLIS) long timeoutMillis,
                     @Descriptor("kernel id") String kernelId,
                     @Descriptor("message type id") int typeId,
                     @Descriptor("one value per record component") String... values) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("--timeout must be a positive number of ms, got " + timeoutMillis);
        }
        KernelHandle kernel = runtime.kernel(kernelId);
        Object request = MessageParser.parse(kernelId, kernel.messageTypes(), typeId, List.of(values));
        Object reply = kernel.call(request, Object.class, Duration.ofMillis(timeoutMillis));
        out.println(MessageFormatter.format(reply));
    }

    /** @param kernelId the kernel whose metrics to print */
    @Descriptor("prints a kernel's counters, queue depths and latency (µs), one per line")
    public void metrics(@Descriptor("kernel id") String kernelId) {
        KernelMetrics m = runtime.metrics(kernelId);
        field("kernel", m.kernelId());
        field("status", m.status());
        field("backend", m.backend());
        field("mode", m.mode());
        field("device", device(m.device()));
        field("messages in", m.messagesIn());
        field("messages out", m.messagesOut());
        field("processed", m.processed());
        field("dropped", m.dropped());
        field("errors", m.errors());
        field("late replies", m.lateReplies());
        field("input depth", m.inputDepth());
        field("output depth", m.outputDepth());
        field("p50 µs", micros(m.latencyP50()));
        field("p99 µs", micros(m.latencyP99()));
        field("p99.9 µs", micros(m.latencyP999()));
        field("max µs", micros(m.latencyMax()));
        field("throughput/s", String.format(Locale.ROOT, "%.1f", m.throughput()));
        field("uptime s", String.format(Locale.ROOT, "%.3f", m.uptime().toNanos() / 1e9));
        field("last error", m.lastError().isEmpty() ? "-" : m.lastError());
    }

    /** Prints every installed backend: type, name, whether it is available (or why not), devices. */
    @Descriptor("lists the installed backends: type, availability or the reason it is unavailable, devices")
    public void backends() {
        for (BackendInfo backend : runtime.backends()) {
            String availability = backend.available() ? "available" : "unavailable: " + backend.unavailableReason();
            String devices = backend.devices().isEmpty() ? "none"
                    : backend.devices().stream().map(RingKernelCommands::device).collect(Collectors.joining("; "));
            out.printf(Locale.ROOT, "%-8s %-12s %s; devices: %s%n", backend.type(), backend.name(), availability, devices);
        }
    }

    private void printStatus(String kernelId) {
        out.println(kernelId + ": " + runtime.status(kernelId));
    }

    private void field(String name, Object value) {
        out.printf(Locale.ROOT, "%-14s %s%n", name, value);
    }

    private static String micros(Duration latency) {
        return String.format(Locale.ROOT, "%.1f", latency.toNanos() / 1_000.0);
    }

    private static String device(DeviceInfo device) {
        return String.format(Locale.ROOT, "#%d %s (%s, %d compute units)",
                device.index(), device.name(), device.vendor(), device.computeUnits());
    }
}
