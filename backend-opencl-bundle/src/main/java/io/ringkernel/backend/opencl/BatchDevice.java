package io.ringkernel.backend.opencl;

/**
 * Where a kernel's batches run: the OpenCL device, driven from this process
 * ({@link LocalBatchDevice}) or from a worker process of the kernel's own
 * ({@link IsolatedBatchDevice}). Batches are launched and awaited in turn, at most
 * {@link #BATCHES} at a time; each is awaited in the order it was launched.
 */
interface BatchDevice extends AutoCloseable {
    /** Batches a kernel alternates between. */
    int BATCHES = 2;

    /**
     * @param index from 0 to {@link #BATCHES} − 1
     * @return the batch's host staging
     */
    Batch batch(int index);

    /**
     * Takes a program's batch kernel, with fresh zeroed device state if it keeps any. No batch may
     * be in flight.
     *
     * @param compiled the program
     */
    void load(OpenClCompiledKernel compiled);

    /**
     * Starts a staged batch on the device, without waiting.
     *
     * @param batch one of {@link #batch(int)}
     */
    void launch(Batch batch);

    /**
     * Waits for a launched batch: its replies are in {@link Batch#replies()} when this returns.
     *
     * @param batch the batch launched longest ago
     * @return nanoseconds from launch to the replies being in host memory
     */
    long await(Batch batch);

    /** Ends the batch work at once, for a kernel whose thread did not stop: what it ran is lost. */
    void kill();

    /** Releases what the device holds for the kernel. */
    @Override
    void close();
}
