package io.ringkernel.examples;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelMetrics;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The demo the README's run command starts: launches an echo kernel and four rolling-statistics
 * kernels on the best backend present, drives traffic through them, and prints states, counts
 * and latency percentiles.
 *
 * <p>Usage: {@code Demo [messages-per-kernel]} (default 50,000).
 */
public final class Demo {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int SENSOR_KERNELS = 4;
    private static final int CALLER_THREADS = 4;

    private final PrintStream out;
    private final int messages;

    Demo(PrintStream out, int messages) {
        this.out = out;
        this.messages = messages;
    }

    /**
     * @param args optional number of messages per kernel
     * @throws Exception if the demo fails
     */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        new Demo(System.out, messages).run();
    }

    void run() throws Exception {
        try (RingKernelRuntime runtime = RingKernelRuntime.builder().build()) {
            out.printf("RingKernel demo on the %s backend%n", runtime.defaultBackend());
            for (BackendInfo backend : runtime.backends()) {
                out.printf("  backend %-8s %s%n", backend.type(),
                        backend.available() ? "available: " + backend.devices() : "unavailable: " + backend.unavailableReason());
            }
            KernelHandle echo = runtime.launch(EchoKernel.ID, LaunchOptions.defaults());
            List<KernelHandle> sensors = new ArrayList<>();
            for (int i = 0; i < SENSOR_KERNELS; i++) {
                sensors.add(runtime.launch("sensors-" + i, LaunchOptions.defaults().withDefinition(RollingStatisticsKernel.ID)));
            }
            printStates(runtime);
            long start = System.nanoTime();
            callEcho(echo);
            long anomalies = streamReadings(sensors);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("%nsent %,d calls and %,d readings in %.2f s; %,d anomalies flagged%n",
                    messages, (long) messages * SENSOR_KERNELS, seconds, anomalies);
            printMetrics(runtime);
            echo.deactivate();
            out.printf("%ndeactivated echo: %s%n", echo.status());
            echo.activate();
            out.printf("reactivated echo: %s, answers \"%s\"%n", echo.status(),
                    echo.call(new Greeting("still here"), Greeting.class, TIMEOUT).text());
            runtime.listKernels().forEach(runtime::terminate);
            printStates(runtime);
        }
    }

    private void callEcho(KernelHandle echo) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLER_THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < CALLER_THREADS; t++) {
                int caller = t;
                done.add(callers.submit(() -> {
                    for (int i = caller; i < messages; i += CALLER_THREADS) {
                        String text = "hello " + i;
                        if (!echo.call(new Greeting(text), Greeting.class, TIMEOUT).text().equals(text)) {
                            throw new IllegalStateException("echo answered another caller's greeting");
                        }
                    }
                }));
            }
            for (Future<?> caller : done) {
                caller.get();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private long streamReadings(List<KernelHandle> sensors) {
        Random random = new Random(7);
        long anomalies = 0;
        int batch = 0;
        for (int i = 0; i < messages; i++) {
            for (KernelHandle kernel : sensors) {
                double value = 20 + random.nextGaussian() + (random.nextInt(1000) == 0 ? 15 : 0);
                kernel.send(new SensorReading(i % 16, value));
            }
            if (++batch == 256) {
                anomalies += receive(sensors, batch);
                batch = 0;
            }
        }
        return anomalies + receive(sensors, batch);
    }

    private static long receive(List<KernelHandle> sensors, int each) {
        long anomalies = 0;
        for (KernelHandle kernel : sensors) {
            for (int i = 0; i < each; i++) {
                if (kernel.receive(TIMEOUT).payload(SensorStatistics.class).anomaly()) {
                    anomalies++;
                }
            }
        }
        return anomalies;
    }

    private void printStates(RingKernelRuntime runtime) {
        out.println();
        for (String id : runtime.listKernels()) {
            out.printf("  %-10s %s%n", id, runtime.status(id));
        }
    }

    private void printMetrics(RingKernelRuntime runtime) {
        out.printf("%n  %-10s %-7s %-4s %9s %9s %9s %6s %9s %9s %9s %12s%n", "kernel", "state", "on", "in", "out",
                "processed", "errors", "p50 µs", "p99 µs", "p99.9 µs", "msg/s");
        for (String id : runtime.listKernels()) {
            KernelMetrics m = runtime.metrics(id);
            out.printf("  %-10s %-7s %-4s %,9d %,9d %,9d %6d %9.1f %9.1f %9.1f %,12.0f%n", id, m.status(), m.backend(),
                    m.messagesIn(), m.messagesOut(), m.processed(), m.errors(), micros(m.latencyP50()),
                    micros(m.latencyP99()), micros(m.latencyP999()), m.throughput());
        }
    }

    private static double micros(Duration duration) {
        return duration.toNanos() / 1_000.0;
    }
}
