package io.ringkernel.spi;

import io.ringkernel.api.LaunchMode;
import java.time.Duration;
import org.osgi.annotation.versioning.ConsumerType;

/** One kernel running on a backend. The runtime serialises calls to these methods, except {@link #assist()}. */
@ConsumerType
public interface BackendKernel {

    /** @return how the backend runs it */
    LaunchMode mode();

    /** Starts or resumes consuming the input ring. */
    void activate();

    /** Stops consuming; what is queued stays queued. Returns once no message is being processed. */
    void deactivate();

    /**
     * Replaces the kernel's code (a hot swap). Called only while the kernel is deactivated; the
     * kernel keeps its rings, control block, telemetry, clock and any reply it has not yet written.
     *
     * @param compiled the new code, compiled by the same context
     */
    void swap(CompiledKernel compiled);

    /**
     * The host committed messages to the input ring or made room in the output ring: resume
     * work if the kernel parked for want of either (may be a no-op for a polling kernel).
     */
    void wake();

    /**
     * Lends the calling thread, which waits for a reply, to the kernel's host work: if no other
     * thread is doing that work now, the kernel does one step of it here (for a device kernel:
     * collect what the device handed back and write it to the output ring), so the reply reaches
     * its caller without a hand-off between threads. Called by any thread, at any time,
     * concurrently with the other methods; it must neither block nor wait.
     *
     * @return true if the step moved anything; false if it did nothing (the default: the kernel's
     *         own threads do all its host work)
     */
    default boolean assist() {
        return false;
    }

    /**
     * @return whether a thread waiting for a reply can collect it with {@link #assist()} alone, no
     *         other thread of the kernel's awake: the runtime then does not {@link #wake()} the
     *         kernel for a call whose caller waits, and wakes it only if that caller stops waiting
     *         actively before its reply comes. False by default. Called by any thread, at any time.
     */
    default boolean assistable() {
        return false;
    }

    /**
     * Stops the kernel for good. On return the backend no longer touches the kernel's memory.
     *
     * @param timeout how long to wait for the kernel to stop
     * @return true if it stopped in time
     */
    boolean terminate(Duration timeout);
}
