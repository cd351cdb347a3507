package io.ringkernel.backend.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.ErrorCode;
import io.ringkernel.api.KernelErrorException;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.KernelStatus;
import io.ringkernel.api.KernelTimeoutException;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.conformance.BackendPresence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kernels in worker processes of their own ({@link KernelIsolation#PROCESS}): whatever ends one
 * kernel's worker (a device fault, a kill, a handler that never returns) fails that kernel with
 * the cause and no caller waits in vain, while the kernel beside it keeps answering and the
 * backend keeps launching. Runs on every OpenCL device, PoCL included: there a device fault is a
 * segmentation fault of the worker.
 */
class IsolatedKernelTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Point BESIDE_REQUEST = new Point((byte) 2, 5, 6, 7);
    private static final Point BESIDE_REPLY = new Point((byte) 2, 10, 7, -7);

    private final OpenClBackend backend = new OpenClBackend(KernelIsolation.PROCESS);
    private RingKernelRuntime runtime;
    private KernelHandle beside;
    private Set<Path> logsBefore;

    @BeforeEach
    void launchTheKernelBeside() throws IOException {
        BackendPresence.require(backend);
        logsBefore = workerLogs();
        runtime = RingKernelRuntime.builder().backend(BackendType.OPENCL).addBackend(backend)
                .config(RuntimeConfig.defaults().withTerminationTimeout(Duration.ofSeconds(2)))
                .addKernel(DeviceKernels.arithmetic())
                .addKernel(DeviceKernels.withOpenCl("faulty", """
                        int rk_handle(int message_type, __global const uchar *payload, uint payload_length,
                                      __global uchar *reply, uint reply_capacity, int *reply_type) {
                            __global const rk_Point *point = (__global const rk_Point *) payload;
                            if (point->y == 13) {
                                *((__global volatile long *) 0) = point->x;
                            }
                            *((__global rk_Point *) reply) = *point;
                            *reply_type = message_type;
                            return (int) sizeof(rk_Point);
                        }
                        """, (message, context) -> message))
                .addKernel(DeviceKernels.withOpenCl("hanging", """
                        int rk_handle(int message_type, __global const uchar *payload, uint payload_length,
                                      __global uchar *reply, uint reply_capacity, int *reply_type) {
                            __global volatile const rk_Point *point = (__global volatile const rk_Point *) payload;
                            while (point->y == 7) {
                            }
                            *reply_type = message_type;
                            return 0;
                        }
                        """, (message, context) -> message)).build();
        beside = runtime.launch("beside", LaunchOptions.defaults().withDefinition("arithmetic"));
        assertThat(beside.call(BESIDE_REQUEST, Point.class, TIMEOUT)).isEqualTo(BESIDE_REPLY);
    }

    /** A worker's log is kept only where its error names it, whatever ended the worker. */
    @AfterEach
    void shutDownAndLeaveNoLogBehind() throws IOException {
        if (runtime != null) {
            runtime.close();
            assertThat(workerLogs()).as("worker logs left").isSubsetOf(logsBefore);
        }
    }

    private static Set<Path> workerLogs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("ringkernel-opencl-worker-"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void shouldFailOnlyTheKernelWhoseHandlerFaultsOnTheDevice() throws IOException {
        KernelHandle faulty = runtime.launch("faulty", LaunchOptions.defaults());
        assertThat(faulty.call(new Point((byte) 1, 1, 1, 1), Point.class, TIMEOUT)).isEqualTo(new Point((byte) 1, 1, 1, 1));

        assertThatThrownBy(() -> faulty.call(new Point((byte) 1, 1, 13, 1), Point.class, TIMEOUT))
                .isInstanceOfSatisfying(KernelErrorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_FAULT));
        assertThat(faulty.status()).isEqualTo(KernelStatus.FAILED);
        String lastError = faulty.metrics().lastError();
        assertThat(lastError).contains("worker process of kernel 'faulty'");
        removeTheFilesItNames(lastError);

        assertBesideAndBackendUnaffected();
    }

    @Test
    void shouldFailTheKernelWhoseWorkerIsKilledAndKeepTheOthers() {
        Set<Long> before = workers();
        KernelHandle victim = runtime.launch("victim", LaunchOptions.defaults().withDefinition("arithmetic"));
        List<ProcessHandle> started = ProcessHandle.current().children()
                .filter(child -> !before.contains(child.pid()) && isWorker(child)).toList();
        assertThat(started).as("the victim's own worker process").hasSize(1);

        started.get(0).destroyForcibly();
        started.get(0).onExit().join();

        assertThatThrownBy(() -> victim.call(BESIDE_REQUEST, Point.class, TIMEOUT))
                .isInstanceOfSatisfying(KernelErrorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_FAULT));
        assertThat(victim.status()).isEqualTo(KernelStatus.FAILED);
        assertThat(victim.metrics().lastError()).contains("ended with exit code 137 (signal 9)");
        assertBesideAndBackendUnaffected();
    }

    @Test
    void shouldEndTheWorkerOfAHandlerThatNeverReturnsWhenItsKernelIsTerminated() {
        Set<Long> before = workers();
        KernelHandle hanging = runtime.launch("hanging", LaunchOptions.defaults());
        Set<Long> hangingWorker = workers();
        hangingWorker.removeAll(before);

        assertThatThrownBy(() -> hanging.call(new Point((byte) 1, 1, 7, 1), Point.class, Duration.ofMillis(300)))
                .isInstanceOf(KernelTimeoutException.class);
        hanging.terminate();

        assertThat(hanging.status()).isEqualTo(KernelStatus.FAILED);
        assertThat(hangingWorker).as("its worker").hasSize(1);
        assertThat(workers()).as("the workers left").doesNotContainAnyElementsOf(hangingWorker);
        assertBesideAndBackendUnaffected();
    }

    private void assertBesideAndBackendUnaffected() {
        assertThat(beside.call(BESIDE_REQUEST, Point.class, TIMEOUT)).as("the kernel beside").isEqualTo(BESIDE_REPLY);
        assertThat(backend.availability().available()).isTrue();
        KernelHandle after = runtime.launch("after", LaunchOptions.defaults().withDefinition("arithmetic"));
        assertThat(after.metrics().backend()).isEqualTo(BackendType.OPENCL);
        assertThat(after.call(BESIDE_REQUEST, Point.class, TIMEOUT)).isEqualTo(BESIDE_REPLY);
    }

    /**
     * A worker that crashed (PoCL) names the JVM's crash report; one whose device failed (NVIDIA)
     * names its log, where JOCL printed the error of its own thread.
     */
    private static void removeTheFilesItNames(String lastError) throws IOException {
        Matcher named = Pattern.compile("its (?:crash report is|output is in) ([^;]+)").matcher(lastError);
        while (named.find()) {
            Files.delete(Path.of(named.group(1)));
        }
    }

    private static Set<Long> workers() {
        return ProcessHandle.current().children().filter(IsolatedKernelTest::isWorker).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    private static boolean isWorker(ProcessHandle process) {
        return process.info().arguments().map(List::of).orElse(List.of()).contains(OpenClWorker.class.getName());
    }
}
