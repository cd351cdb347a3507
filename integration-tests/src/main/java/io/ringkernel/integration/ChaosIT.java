package io.ringkernel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.conformance.chaos.CallLoad;
import io.ringkernel.conformance.chaos.ChaosKernel;
import io.ringkernel.conformance.chaos.Ledger;
import io.ringkernel.examples.EchoKernel;
import io.ringkernel.examples.Greeting;
import io.ringkernel.examples.RollingStatisticsKernel;
import io.ringkernel.examples.SensorReading;
import io.ringkernel.examples.SensorStatistics;
import io.ringkernel.integration.ChaosPlugin.Move;
import io.ringkernel.integration.kernelbundle.TickKernelActivator;
import io.ringkernel.spi.KernelDefinition;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * A soak and chaos test: several threads call kernels continuously while a chaos thread, at
 * random intervals, updates kernel bundles, takes them away and brings them back, swaps the Kryo
 * serializer bundle and removes backend bundles and returns them. The promise under test is the
 * runtime's: every message sent ends in exactly one outcome. A {@link Ledger} holds each request
 * by a unique id that its payload carries, until its outcome:
 * <ul>
 *   <li>a reply whose content matches the request (for a call, the call's reply; for a message
 *       sent without a call, a reply whose correlation id is the message's id and whose payload
 *       carries the request's id);</li>
 *   <li>or a typed error of the platform's API — a {@code KernelErrorException} with its error
 *       code, {@code KernelTimeoutException}, {@code SerializationException},
 *       {@code IllegalKernelStateException}, {@code QueueFullException} and the others;</li>
 *   <li>or, for a message sent without a call that its kernel never processed because it
 *       terminated, a place among the messages the kernel's metrics count as dropped: the number
 *       of such messages must be exactly that count.</li>
 * </ul>
 * A second outcome for a request, a reply with the wrong content, an exception outside the
 * platform's API, a request still without an outcome at the end, a thread that hangs, or more
 * late replies on a kernel ({@code KernelMetrics.lateReplies}) than calls that timed out on it,
 * fail the test; it logs the counts: requests, replies, failures by kind, late replies, chaos
 * moves, launches.
 *
 * <p>The kernels: echo (Kryo) and rolling statistics (fixed layout) from the examples bundle on
 * the CPU backend; a tick kernel from a bundle the test builds itself, whose second version adds
 * two hops instead of one, on the CPU backend and on OpenCL where an ICD is installed; the
 * conformance kernel on the Aparapi backend. A kernel that terminated because a plug-in stayed
 * away past the runtime's hot-swap grace is launched again once its plug-ins are back. After the
 * chaos every plug-in comes back and each kernel must answer again.
 *
 * <p>It runs {@value #DEFAULT_SECONDS} s of chaos unless the framework property {@value #SECONDS}
 * names another number of seconds; the chaos thread's moves follow the seed it logs, which the
 * property {@value #SEED} sets to replay them (the .bndrun files pass both on from Maven's
 * {@code -D}).
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class ChaosIT {
    /** The framework property that sets how many seconds the chaos lasts. */
    static final String SECONDS = "ringkernel.chaos.seconds";
    /** The framework property that sets the seed of the chaos thread's moves. */
    static final String SEED = "ringkernel.chaos.seed";
    /** Seconds of chaos unless {@value #SECONDS} says otherwise: a short run for every build. */
    static final long DEFAULT_SECONDS = 20;
    private static final System.Logger LOG = System.getLogger(ChaosIT.class.getName());
    private static final int CALLERS = 4;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);
    /** How long a caller waits after a request that got no reply, so that a refusing kernel is not hammered. */
    private static final Duration PAUSE = Duration.ofMillis(20);
    private static final int MAX_CHAOS_INTERVAL_MILLIS = 600;
    /** How long a refresh, a kernel's recovery after the chaos, or a thread's end may take. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Set<Move> STOP_OR_UNINSTALL = EnumSet.of(Move.STOP, Move.UNINSTALL);

    @InjectService(timeout = 10_000)
    RingKernelRuntime runtime;

    @InjectBundleContext
    BundleContext context;

    private final Ledger ledger = new Ledger();
    private final Map<String, LongAdder> moves = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> tickHops = new ConcurrentHashMap<>();
    private ServiceRegistration<KernelDefinition> conformance;

    /** An echo kernel's messages: the request's id as text. */
    private static final ChaosKernel.Stream GREETINGS = new ChaosKernel.Stream() {
        @Override
        public Object request(long id) {
            return new Greeting(Long.toString(id));
        }

        @Override
        public long answers(Object reply) {
            try {
                return Long.parseLong(((Greeting) reply).text());
            } catch (ClassCastException | NumberFormatException e) {
                throw new AssertionError("an echo kernel replied with " + reply, e);
            }
        }
    };

    /** A call to the rolling-statistics kernel for a sensor of its own: its first reading comes back as the mean. */
    private static final CallLoad.Exchange READING = (kernel, caller, sequence, timeout) -> {
        SensorReading reading = new SensorReading(sequence, sequence % 1000 + 0.25);
        SensorStatistics statistics = kernel.call(reading, SensorStatistics.class, timeout);
        if (statistics.sensorId() != sequence || statistics.count() != 1 || statistics.mean() != reading.value()) {
            throw new AssertionError("call " + reading + " was answered with " + statistics);
        }
    };

    @AfterEach
    void cleanUp() throws BundleException {
        runtime.listKernels().forEach(runtime::terminate);
        if (conformance != null) {
            conformance.unregister();
        }
        for (Bundle bundle : context.getBundles()) {
            if (ChaosKernelBundle.SYMBOLIC_NAME.equals(bundle.getSymbolicName())) {
                bundle.uninstall();
            }
        }
    }

    @Test
    void shouldGiveEveryMessageExactlyOneOutcomeWhileKernelsSerializersAndBackendsComeAndGo() throws Exception {
        long seconds = setting(SECONDS, DEFAULT_SECONDS);
        long seed = setting(SEED, ThreadLocalRandom.current().nextLong());
        boolean openCl = OpenClIcd.available();
        LOG.log(System.Logger.Level.INFO, "chaos for {0} s with seed {1} (replay with -D{2}={1}), OpenCL {3}",
                seconds, Long.toString(seed), SEED, openCl ? "included" : "left out: " + OpenClIcd.MISSING);
        // Plug-ins are taken away and reinstalled through the framework's own context: the injected one
        // would uninstall what the test installed through it when the test ends.
        BundleContext framework = FrameworkUtil.getBundle(ChaosIT.class).getBundleContext();
        byte[][] tickBundles = {ChaosKernelBundle.jar(1), ChaosKernelBundle.jar(2)};
        Bundle tickBundle = framework.installBundle(ChaosKernelBundle.LOCATION, new ByteArrayInputStream(tickBundles[0]));
        tickBundle.start();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(KernelDefinition.PROPERTY_ID, ConformanceKernel.ID);
        conformance = context.registerService(KernelDefinition.class, new ConformanceKernel(), properties);
        Await.available(runtime, BackendType.APARAPI, TIMEOUT);
        if (openCl) {
            Await.available(runtime, BackendType.OPENCL, TIMEOUT);
        }
        assertThat(Await.until(() -> runtime.listDefinitions().contains(TickKernelActivator.DEFINITION_ID), TIMEOUT))
                .as("the tick bundle's definition registered").isTrue();

        List<ChaosKernel> kernels = kernels(openCl);
        kernels.forEach(ChaosKernel::launch);
        List<ChaosPlugin> plugins = new ArrayList<>(List.of(
                plugin(framework, "examples", Bundles.named(context, "io.ringkernel.examples"), Set.of(Move.STOP)),
                new ChaosPlugin(framework, "tick-kernels", tickBundle, revision -> tickBundles[revision % 2],
                        STOP_OR_UNINSTALL, TIMEOUT),
                plugin(framework, "kryo", Bundles.named(context, "io.ringkernel.serializer-kryo-bundle"),
                        STOP_OR_UNINSTALL),
                plugin(framework, "aparapi-backend", Bundles.named(context, "io.ringkernel.backend-aparapi-bundle"),
                        STOP_OR_UNINSTALL)));
        if (openCl) {
            plugins.add(plugin(framework, "opencl-backend", Bundles.named(context, "io.ringkernel.backend-opencl-bundle"),
                    STOP_OR_UNINSTALL));
        }
        LOG.log(System.Logger.Level.INFO, "refreshed after updates and uninstalls: {0}; not refreshed (the test''s bundle "
                + "depends on them): {1}", names(plugins, true), names(plugins, false));

        long start = System.nanoTime();
        AtomicBoolean calling = new AtomicBoolean(true);
        List<Thread> callers = new ArrayList<>();
        for (int caller = 0; caller < CALLERS; caller++) {
            int number = caller;
            Random random = new Random(seed + caller + 1);
            callers.add(thread("chaos-caller-" + caller, () -> call(number, kernels, random, calling)));
        }
        Thread chaos = thread("chaos", () -> chaos(plugins, new Random(seed), seconds));
        awaitEnd(chaos, Duration.ofSeconds(seconds).plus(TIMEOUT));
        plugins.stream().filter(plugin -> plugin.bundle().getState() != Bundle.ACTIVE).forEach(plugin ->
                ledger.violation(plugin.name() + " is not active after the chaos: state " + plugin.bundle().getState()));
        Map<ChaosKernel, Long> repliedBefore = kernels.stream()
                .collect(Collectors.toMap(kernel -> kernel, ChaosKernel::replies));
        boolean recovered = Await.until(() -> kernels.stream().allMatch(kernel ->
                kernel.replies() > repliedBefore.get(kernel)), TIMEOUT);
        calling.set(false);
        for (Thread caller : callers) {
            awaitEnd(caller, CALL_TIMEOUT.plus(TIMEOUT));
        }
        kernels.forEach(kernel -> kernel.finish(TIMEOUT));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        LOG.log(System.Logger.Level.INFO, "chaos for {0} s with seed {1} took {2} s with {3} callers:\n"
                        + "  {4}\n"
                        + "  chaos moves ({5}): {6}\n"
                        + "  tick replies by hops added (kernel bundle version): {7}",
                seconds, Long.toString(seed), took.toSeconds(), CALLERS, ChaosKernel.report(ledger, kernels),
                moves.values().stream().mapToLong(LongAdder::sum).sum(), counts(moves), counts(tickHops));
        ledger.assertBalanced(seed);
        assertThat(recovered).as("every kernel answered again after the chaos: %s", kernels).isTrue();
        assertThat(moves).isNotEmpty();
    }

    private List<ChaosKernel> kernels(boolean openCl) {
        CallLoad.Exchange tick = (kernel, caller, sequence, timeout) -> {
            Tick reply = kernel.call(new Tick(sequence, caller), Tick.class, timeout);
            checkTick(reply, sequence, reply.hops() - caller);
        };
        ChaosKernel.Stream ticks = new ChaosKernel.Stream() {
            @Override
            public Object request(long id) {
                return new Tick(id, 0);
            }

            @Override
            public long answers(Object reply) {
                if (!(reply instanceof Tick answer)) {
                    throw new AssertionError("the tick kernel replied with " + reply);
                }
                checkTick(answer, answer.sequence(), answer.hops());
                return answer.sequence();
            }
        };
        List<ChaosKernel> kernels = new ArrayList<>(List.of(
                ChaosKernel.calling(runtime, ledger, "chaos-echo-call", cpu(EchoKernel.ID), GreetingExchange.ECHO),
                ChaosKernel.streaming(runtime, ledger, "chaos-echo-stream", cpu(EchoKernel.ID), GREETINGS),
                ChaosKernel.calling(runtime, ledger, "chaos-stats-call", cpu(RollingStatisticsKernel.ID), READING),
                ChaosKernel.calling(runtime, ledger, "chaos-tick-call", cpu(TickKernelActivator.DEFINITION_ID), tick),
                ChaosKernel.streaming(runtime, ledger, "chaos-tick-stream", cpu(TickKernelActivator.DEFINITION_ID), ticks),
                ChaosKernel.calling(runtime, ledger, "chaos-ping-aparapi", LaunchOptions.defaults()
                        .withDefinition(ConformanceKernel.ID).withBackend(BackendType.APARAPI), CallLoad.PING)));
        if (openCl) {
            kernels.add(ChaosKernel.calling(runtime, ledger, "chaos-tick-opencl", LaunchOptions.defaults()
                    .withDefinition(TickKernelActivator.DEFINITION_ID).withBackend(BackendType.OPENCL), tick));
        }
        return kernels;
    }

    /** A tick reply: the request's sequence, one hop further (the tick bundle's first version) or two (its second). */
    private void checkTick(Tick reply, long sequence, int hopsAdded) {
        if (reply.sequence() != sequence || hopsAdded < 1 || hopsAdded > 2) {
            throw new AssertionError("tick " + sequence + " was answered with " + reply);
        }
        tickHops.computeIfAbsent(hopsAdded, hops -> new LongAdder()).increment();
    }

    private static LaunchOptions cpu(String definition) {
        return LaunchOptions.defaults().withDefinition(definition).withBackend(BackendType.CPU);
    }

    private static ChaosPlugin plugin(BundleContext framework, String name, Bundle bundle, Set<Move> removals)
            throws Exception {
        byte[] content = Bundles.content(bundle);
        return new ChaosPlugin(framework, name, bundle, revision -> content, removals, TIMEOUT);
    }

    private void call(int caller, List<ChaosKernel> kernels, Random random, AtomicBoolean calling)
            throws InterruptedException {
        while (calling.get()) {
            ChaosKernel kernel = kernels.get(random.nextInt(kernels.size()));
            if (!kernel.exchange(caller, random, CALL_TIMEOUT)) {
                Await.until(() -> !calling.get(), PAUSE);
            }
        }
    }

    /** Random moves for the given time, at random intervals; then every plug-in comes back. */
    private void chaos(List<ChaosPlugin> plugins, Random random, long seconds) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() - end < 0) {
            Thread.sleep(random.nextInt(MAX_CHAOS_INTERVAL_MILLIS));
            ChaosPlugin plugin = plugins.get(random.nextInt(plugins.size()));
            move(plugin, plugin.pick(random));
            heal(plugins);
        }
        for (ChaosPlugin plugin : plugins) {
            if (plugin.away()) {
                move(plugin, plugin.pick(random));
            }
        }
        heal(plugins);
    }

    private void move(ChaosPlugin plugin, Move move) throws InterruptedException {
        String name = plugin.name() + " " + move.name().toLowerCase();
        try {
            plugin.perform(move);
            count(moves, name);
        } catch (BundleException refused) {
            count(moves, name + " refused");
            LOG.log(System.Logger.Level.INFO, "{0} refused: {1}", name, refused.getMessage());
        }
    }

    /** Starts the plug-ins that are meant to be there but did not start: an update while another was away. */
    private void heal(List<ChaosPlugin> plugins) {
        for (ChaosPlugin plugin : plugins) {
            try {
                if (plugin.heal()) {
                    count(moves, plugin.name() + " started again");
                }
            } catch (BundleException refused) {
                count(moves, plugin.name() + " start refused");
                LOG.log(System.Logger.Level.INFO, "{0} start refused: {1}", plugin.name(), refused.getMessage());
            }
        }
    }

    private static <K> void count(Map<K, LongAdder> counts, K key) {
        counts.computeIfAbsent(key, name -> new LongAdder()).increment();
    }

    private static <K> Map<K, Long> counts(Map<K, LongAdder> counts) {
        Map<K, Long> sums = new TreeMap<>();
        counts.forEach((key, count) -> sums.put(key, count.sum()));
        return sums;
    }

    private static List<String> names(List<ChaosPlugin> plugins, boolean refreshed) {
        return plugins.stream().filter(plugin -> plugin.refreshed() == refreshed).map(ChaosPlugin::name).toList();
    }

    private long setting(String property, long otherwise) {
        String value = context.getProperty(property);
        return value == null || value.isBlank() ? otherwise : Long.parseLong(value.trim());
    }

    /** A body of a thread that may throw. */
    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    /** @return a started thread whose failure, if any, the ledger keeps */
    private Thread thread(String name, Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                ledger.violation(name + " died: " + Ledger.stackTrace(e));
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits for a thread to end; one that does not is a hang, and the ledger keeps where it hangs. */
    private void awaitEnd(Thread thread, Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            ledger.violation(thread.getName() + " hangs after " + timeout.toSeconds() + " s, at\n" + Arrays.stream(
                    thread.getStackTrace()).map(frame -> "\tat " + frame).collect(Collectors.joining("\n")));
        }
    }
}
