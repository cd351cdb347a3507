package io.ringkernel.management;

import java.util.List;
import java.util.Map;

/**
 * The management view of one {@link io.ringkernel.api.RingKernelRuntime}, registered as
 * {@code <domain>:type=Runtime}. Every attribute is read from the runtime when it is asked for.
 *
 * <p>Operations that the runtime refuses throw {@link IllegalArgumentException} (unknown kernel or
 * definition id) or {@link IllegalStateException} (anything else the runtime rejects), carrying
 * the runtime's message; both are JDK types, so a remote client can show them.
 */
public interface RingKernelRuntimeMXBean {

    /** @return the backend kernels run on unless their launch options name another, e.g. "CPU" */
    String getDefaultBackend();

    /** @return every installed backend, available or not */
    List<BackendSummary> getBackends();

    /** @return the ids of every kernel, terminated ones included until their id is reused */
    List<String> getKernelIds();

    /** @return the ids of the kernel definitions that can be launched */
    List<String> getDefinitionIds();

    /** @return the number of kernels in each state, keyed by state name; every state is listed */
    Map<String, Integer> getKernelsByState();

    /** @return messages committed to the input queues of all kernels */
    long getTotalMessagesIn();

    /** @return messages taken from the output queues of all kernels */
    long getTotalMessagesOut();

    /** @return messages processed by the handlers of all kernels */
    long getTotalProcessed();

    /** @return messages dropped by all kernels */
    long getTotalDropped();

    /** @return error replies produced by all kernels */
    long getTotalErrors();

    /**
     * Launches a kernel with default launch options; it is active once this returns.
     *
     * @param kernelId the new kernel's id
     * @param definitionId the definition to instantiate; {@code null} or blank means the kernel id
     */
    void launch(String kernelId, String definitionId);

    /** @param kernelId the kernel to start or resume */
    void activate(String kernelId);

    /** @param kernelId the kernel to park */
    void deactivate(String kernelId);

    /** @param kernelId the kernel to stop; it stays listed as TERMINATED until its id is reused */
    void terminate(String kernelId);

    /**
     * Sends a message built from text and waits up to 5 seconds for the reply, as the shell's
     * {@code rk:call} does.
     *
     * @param kernelId the kernel
     * @param typeId the request's wire message type
     * @param words one word per record component, separated by spaces
     * @return the reply as one line
     */
    String call(String kernelId, int typeId, String words);
}
