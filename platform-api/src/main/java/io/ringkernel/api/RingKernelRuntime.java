package io.ringkernel.api;

import java.nio.ByteBuffer;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The runtime: launches kernels on a backend, moves messages through their queues, and
 * reports their state and metrics.
 *
 * <pre>{@code
 * try (RingKernelRuntime runtime = RingKernelRuntime.builder().backend(BackendType.CPU).build()) {
 *     KernelHandle echo = runtime.launch("echo", LaunchOptions.defaults());
 *     String reply = echo.call("hello", String.class, Duration.ofSeconds(1));
 * }
 * }</pre>
 */
@ProviderType
public interface RingKernelRuntime extends AutoCloseable {

    /** @return a builder; nothing is started until {@link RuntimeBuilder#build()} */
    static RuntimeBuilder builder() {
        return new RuntimeBuilder();
    }

    /**
     * Allocates a kernel's control block, queues and telemetry, compiles its handler for the
     * backend and launches it.
     *
     * @param kernelId the new kernel's id, unique among live kernels
     * @param grid grid extent in blocks (GPU backends)
     * @param block block extent in threads (GPU backends)
     * @param options launch settings
     * @return a handle on the kernel
     * @throws KernelNotFoundException if no definition has the id
     * @throws KernelAlreadyExistsException if a live kernel has the id
     * @throws BackendUnavailableException if the requested backend cannot run
     * @throws KernelLaunchException if the backend fails to compile or launch it
     */
    KernelHandle launch(String kernelId, Dim3 grid, Dim3 block, LaunchOptions options);

    /**
     * Launches with one block of one thread, which is what the CPU backend uses.
     *
     * @param kernelId the kernel's id
     * @param options launch settings
     * @return a handle on the kernel
     */
    default KernelHandle launch(String kernelId, LaunchOptions options) {
        return launch(kernelId, Dim3.ONE, Dim3.ONE, options);
    }

    /**
     * @param kernelId a kernel's id
     * @return a handle on it
     * @throws KernelNotFoundException if no kernel has the id
     */
    KernelHandle kernel(String kernelId);

    /** @param kernelId the kernel @see KernelOperations#activate() */
    default void activate(String kernelId) {
        kernel(kernelId).activate();
    }

    /** @param kernelId the kernel @see KernelOperations#deactivate() */
    default void deactivate(String kernelId) {
        kernel(kernelId).deactivate();
    }

    /** @param kernelId the kernel @see KernelOperations#terminate() */
    default void terminate(String kernelId) {
        kernel(kernelId).terminate();
    }

    /**
     * @param kernelId the kernel
     * @param message the payload
     * @return the message id
     * @see KernelOperations#send(Object)
     */
    default long send(String kernelId, Object message) {
        return kernel(kernelId).send(message);
    }

    /**
     * @param kernelId the kernel
     * @param messages the payloads, at least one
     * @return the id of the first message; the others have the following ids, in list order
     * @see KernelOperations#sendAll(List)
     */
    default long sendAll(String kernelId, List<?> messages) {
        return kernel(kernelId).sendAll(messages);
    }

    /**
     * @param kernelId the kernel
     * @param type the messages' class, one of the kernel's message types
     * @param payloads {@code count} encoded payloads of equal length back to back
     * @param count how many payloads
     * @return the id of the first message; the others have the following ids, in buffer order
     * @see KernelOperations#sendEncoded(Class, ByteBuffer, int)
     */
    default long sendEncoded(String kernelId, Class<?> type, ByteBuffer payloads, int count) {
        return kernel(kernelId).sendEncoded(type, payloads, count);
    }

    /**
     * @param kernelId the kernel
     * @param timeout how long to wait
     * @return the message
     * @see KernelOperations#receive(java.time.Duration)
     */
    default ReceivedMessage receive(String kernelId, java.time.Duration timeout) {
        return kernel(kernelId).receive(timeout);
    }

    /**
     * @param kernelId the kernel
     * @param request the request
     * @param replyType the reply type
     * @param timeout how long to wait
     * @param <R> the reply type
     * @return the reply
     * @see KernelOperations#call(Object, Class, java.time.Duration)
     */
    default <R> R call(String kernelId, Object request, Class<R> replyType, java.time.Duration timeout) {
        return kernel(kernelId).call(request, replyType, timeout);
    }

    /** @param kernelId the kernel @return its state @see KernelOperations#status() */
    default KernelStatus status(String kernelId) {
        return kernel(kernelId).status();
    }

    /** @param kernelId the kernel @return its metrics @see KernelOperations#metrics() */
    default KernelMetrics metrics(String kernelId) {
        return kernel(kernelId).metrics();
    }

    /** @return the ids of every kernel, terminated ones included until their id is reused */
    List<String> listKernels();

    /** @return the ids of the kernel definitions that can be launched */
    List<String> listDefinitions();

    /** @return every installed backend, available or not */
    List<BackendInfo> backends();

    /** @return the backend kernels run on unless their launch options name another */
    BackendType defaultBackend();

    /** @return the runtime's settings */
    RuntimeConfig config();

    /** Terminates every kernel and releases every backend context. Idempotent. */
    void shutdown();

    /** Same as {@link #shutdown()}. */
    @Override
    default void close() {
        shutdown();
    }
}
