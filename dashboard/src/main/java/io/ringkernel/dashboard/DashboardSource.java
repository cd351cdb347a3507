package io.ringkernel.dashboard;

import java.nio.file.Path;

/**
 * Where the dashboard reads telemetry and sends actions: a runtime in this JVM
 * ({@link LocalSource}) or one in another JVM over JMX. Reads the public
 * runtime API (or its MXBeans) only. Every method may be called off the JavaFX thread and may
 * block; failures are exceptions whose messages say what went wrong, for the user to read.
 */
public interface DashboardSource extends AutoCloseable {

    /** @return what the dashboard is connected to, for the title bar */
    String describe();

    /** @return the runtime's state now */
    DashboardSnapshot snapshot();

    /** @param kernelId a kernel to (re)start consuming */
    void activate(String kernelId);

    /** @param kernelId a kernel to stop consuming; what is queued stays queued */
    void deactivate(String kernelId);

    /** @param kernelId a kernel to stop for good */
    void terminate(String kernelId);

    /**
     * @param kernelId the new kernel's id
     * @param definitionId the registered definition to launch
     */
    void launch(String kernelId, String definitionId);

    /**
     * Sends a test message and waits for the reply.
     *
     * @param kernelId the kernel
     * @param typeId the message type's wire id
     * @param words one word per record component, as the shell's {@code rk:call} takes them
     * @return the reply, as one line of text
     */
    String call(String kernelId, int typeId, String words);

    /**
     * Deploys a kernel bundle: copies the jar into the platform's {@code deploy/} folder, where
     * FileInstall installs (or updates) it.
     *
     * @param jar the bundle
     * @return where it landed
     * @throws UnsupportedOperationException with the reason where the source has no deploy folder
     * @throws RuntimeException whose message says why, where the jar cannot be read or copied
     */
    Path deploy(Path jar);

    /** Releases the connection; a local runtime stays up. */
    @Override
    void close();
}
