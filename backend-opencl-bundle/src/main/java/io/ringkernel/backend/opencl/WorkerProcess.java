package io.ringkernel.backend.opencl;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A kernel's worker process (a JVM running {@link OpenClWorker}), seen from the kernel's host
 * thread: commands go to its standard input, answers come from its standard output, and what it
 * prints besides (a crash report included) goes to a log file that is kept when it fails.
 */
final class WorkerProcess {
    private static final System.Logger LOG = System.getLogger(WorkerProcess.class.getName());
    private static final long EXIT_WAIT_SECONDS = 5;
    private static final String CRASH_REPORT_SUFFIX = ".crash-";

    private final String kernelId;
    private final Process process;
    private final Path log;
    private final DataOutputStream commands;
    private final DataInputStream answers;

    private WorkerProcess(String kernelId, Process process, Path log) {
        this.kernelId = kernelId;
        this.process = process;
        this.log = log;
        this.commands = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.answers = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    /**
     * Starts a worker with the same Java runtime as this one.
     *
     * @param kernelId the kernel it works for
     * @param arguments {@link OpenClWorker}'s arguments
     * @param environment variables to set in its environment, on top of this process's
     * @return the started worker
     * @throws IOException if the process cannot be started
     * @throws IllegalStateException if its class path cannot be found
     */
    static WorkerProcess start(String kernelId, List<String> arguments, Map<String, String> environment)
            throws IOException {
        Path log = Files.createTempFile("ringkernel-opencl-worker-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:-CreateCoredumpOnCrash",
                "-XX:ErrorFile=" + log + CRASH_REPORT_SUFFIX + "%p", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", WorkerClassPath.find(), OpenClWorker.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new WorkerProcess(kernelId, builder.start(), log);
    }

    /** A command's bytes. */
    @FunctionalInterface
    interface Command {
        /** @param out the worker's input @throws IOException if it fails */
        void writeTo(DataOutputStream out) throws IOException;
    }

    /**
     * An answer's arguments.
     *
     * @param <T> what they make
     */
    @FunctionalInterface
    interface Arguments<T> {
        /** @param in the worker's output @return what they make @throws IOException if it fails */
        T readFrom(DataInputStream in) throws IOException;
    }

    /**
     * @param command what to send
     * @throws DeviceWorkerException if the worker has ended
     */
    void send(Command command) {
        try {
            command.writeTo(commands);
            commands.flush();
        } catch (IOException e) {
            throw ended(e);
        }
    }

    /**
     * Waits for the next answer.
     *
     * @param expected the answer that means success
     * @param arguments reads its arguments
     * @param <T> what they make
     * @return what they make
     * @throws DeviceWorkerException if the worker failed, ended, or answered something else
     */
    <T> T expect(byte expected, Arguments<T> arguments) {
        try {
            byte answer = answers.readByte();
            if (answer == expected) {
                return arguments.readFrom(answers);
            }
            if (answer == WorkerProtocol.NO_DEVICE) {
                throw new MissingDeviceException(WorkerProtocol.readText(answers));
            }
            if (answer == WorkerProtocol.FAILED) {
                String reason = WorkerProtocol.readText(answers);
                awaitExit();
                throw new DeviceWorkerException("the OpenCL worker process of kernel '" + kernelId + "' (pid "
                        + process.pid() + ") failed: " + reason + (logged() ? "; its output is in " + log : ""));
            }
            throw ended(null, (char) answer + new String(answers.readAllBytes(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw ended(e);
        }
    }

    private DeviceWorkerException ended(IOException cause) {
        return ended(cause, "");
    }

    /**
     * @param cause the pipe's failure, or null
     * @param output what the worker wrote in place of an answer: a JVM's crash banner, say
     */
    private DeviceWorkerException ended(IOException cause, String output) {
        int exit = awaitExit();
        Path crashReport = Path.of(log + CRASH_REPORT_SUFFIX + process.pid());
        return new DeviceWorkerException("the OpenCL worker process of kernel '" + kernelId + "' (pid " + process.pid()
                + ") ended" + (exit >= 0 ? " with exit code " + exit + signal(exit) : "") + crashSummary(output)
                + (Files.exists(crashReport) ? "; its crash report is " + crashReport : "")
                + (logged() ? "; its output is in " + log : ""), cause);
    }

    /**
     * Gives the worker a moment to exit, as it does after a failure, then ends it for sure.
     *
     * @return its exit code, or -1 if it had to be ended
     */
    private int awaitExit() {
        int exit;
        try {
            exit = process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = -1;
        }
        process.destroyForcibly();
        return exit;
    }

    private static String signal(int exit) {
        return exit > 128 ? " (signal " + (exit - 128) + ")" : "";
    }

    /** @return ": " and the signal and the problematic frame a JVM crash banner names, or "" if there is none */
    private static String crashSummary(String output) {
        List<String> lines = output.lines().map(line -> line.replaceFirst("^#\\s*", "")).toList();
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("SIG[A-Z]+ .*")) {
                summary.append(": ").append(lines.get(i));
            } else if (lines.get(i).equals("Problematic frame:") && i + 1 < lines.size()) {
                summary.append(", in ").append(lines.get(i + 1));
            }
        }
        return summary.toString();
    }

    private boolean logged() {
        try {
            return Files.size(log) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Ends the process at once. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeLogUnlessItTells();
    }

    /** Asks the worker to exit, ends it if it does not, and removes its log if it exited cleanly. */
    void close() {
        try {
            commands.writeByte(WorkerProtocol.CLOSE);
            commands.flush();
        } catch (IOException e) {
            process.destroyForcibly();
        }
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        removeLogUnlessItTells();
    }

    /** Removes the log after a clean exit or when the worker wrote nothing to it. */
    private void removeLogUnlessItTells() {
        try {
            if (!logged() || process.exitValue() == 0) {
                Files.deleteIfExists(log);
            }
        } catch (IOException | IllegalThreadStateException e) {
            LOG.log(System.Logger.Level.DEBUG, "the worker's log " + log + " stays", e);
        }
    }
}
