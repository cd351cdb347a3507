package io.ringkernel.launcher;

import io.ringkernel.api.RingKernelRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import org.osgi.framework.BundleException;

/**
 * The {@code bin/ringkernel} command: starts the platform, reports how long that took, optionally
 * drives demo traffic, and prints the kernels' status table to stdout every interval until
 * Ctrl-C, SIGTERM or {@code --exit-after} — or, with {@code --console}, hands stdin and stdout
 * to the Gogo shell until it exits. A shutdown hook stops the framework cleanly.
 */
public final class Main {

    private static final Duration RUNTIME_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private Main() {
    }

    /**
     * Exits with status 0 after {@code --exit-after}, 1 if the platform fails to start, 2 on a
     * malformed command line or remote JMX without authentication ({@link RemoteJmxPolicy}), and
     * 143 on SIGTERM.
     *
     * @param args the command line; see {@link LauncherOptions#parse(String...)}
     * @throws InterruptedException if the main thread is interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(args);
            RemoteJmxPolicy.check(System.getProperties());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        Platform platform;
        try {
            platform = Platform.start(options.home(), options.console(), !options.headless());
        } catch (IOException | BundleException | RuntimeException e) {
            failed(e);
            return;
        }
        DemoTraffic demo = options.demo() ? new DemoTraffic(platform.context(), platform::runtime) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (demo != null) {
                demo.close();
            }
            out.println(platform.stop(STOP_TIMEOUT) ? "RingKernel stopped" : "RingKernel did not stop in time");
            out.flush();
        }, "ringkernel-shutdown"));

        try {
            platform.awaitRuntime(RUNTIME_TIMEOUT);
        } catch (IllegalStateException e) {
            failed(e);
        }
        Instant jvmStart = ProcessHandle.current().info().startInstant().orElseThrow();
        out.printf("RingKernel started in %d ms (JVM start to RingKernelRuntime service)%n",
                Duration.between(jvmStart, Instant.now()).toMillis());
        if (demo != null) {
            demo.start();
        }

        if (options.console()) {
            platform.awaitStop(options.exitAfter().orElse(Duration.ZERO));
            System.exit(0);
        }
        long end = options.exitAfter().map(after -> System.nanoTime() + after.toNanos()).orElse(Long.MAX_VALUE);
        do {
            Thread.sleep(options.interval().toMillis());
            RingKernelRuntime current = platform.runtime();
            out.println();
            out.print(current == null ? "(no RingKernelRuntime service)\n" : StatusTable.render(current));
            out.flush();
        } while (System.nanoTime() < end);
        System.exit(0);
    }

    /** Exits with status 1: the framework's threads would otherwise keep a failed start alive. */
    private static void failed(Exception e) {
        System.err.println("RingKernel failed to start: " + e);
        System.exit(1);
    }
}
