package io.ringkernel.backend.opencl;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a kernel's batches in a worker process of the kernel's own, so that a device fault fails
 * this kernel only: the worker holds the OpenCL context, the host thread stages each batch in a
 * file both processes map (in {@code /dev/shm} where there is one) and tells the worker to run
 * it. The file is removed as soon as the worker has mapped it.
 */
final class IsolatedBatchDevice implements BatchDevice {
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    private final WorkerProcess worker;
    private final Batch[] batches = new Batch[BATCHES];

    private IsolatedBatchDevice(WorkerProcess worker, MappedByteBuffer staging, int capacity, int stride) {
        this.worker = worker;
        for (int i = 0; i < BATCHES; i++) {
            batches[i] = Batch.area(staging, i, capacity, stride);
        }
    }

    /**
     * Starts the kernel's worker process on a device and waits until it has opened the device.
     *
     * @param kernelId the kernel
     * @param device the device; the worker finds it by its name
     * @param capacity messages per batch
     * @param stride bytes per slot
     * @param environment variables to set in the worker's environment
     * @return the running worker's batches
     * @throws IOException if the staging file or the process cannot be made
     * @throws MissingDeviceException if the worker does not find the device
     * @throws DeviceWorkerException if the worker cannot open the device
     */
    static IsolatedBatchDevice start(String kernelId, OpenClDevice device, int capacity, int stride,
                                     Map<String, String> environment) throws IOException {
        Path staging = Files.createTempFile(Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
                ? SHARED_MEMORY : Path.of(System.getProperty("java.io.tmpdir")), "ringkernel-opencl-", ".staging");
        try {
            MappedByteBuffer mapped = Batch.mapStaging(staging, capacity, stride);
            WorkerProcess worker = WorkerProcess.start(kernelId, List.of(String.valueOf(device.namesake()),
                    device.info().name(), staging.toString(), String.valueOf(capacity), String.valueOf(stride)), environment);
            try {
                worker.expect(WorkerProtocol.READY, in -> null);
            } catch (DeviceWorkerException e) {
                worker.kill();
                throw e;
            }
            return new IsolatedBatchDevice(worker, mapped, capacity, stride);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    @Override
    public Batch batch(int index) {
        return batches[index];
    }

    /** Sends the program's source; the worker builds it for its own context. */
    @Override
    public void load(OpenClCompiledKernel compiled) {
        worker.send(out -> {
            out.writeByte(WorkerProtocol.LOAD);
            WorkerProtocol.writeText(out, compiled.source());
            out.writeInt(compiled.program().definition().deviceStateBytes());
        });
        worker.expect(WorkerProtocol.LOADED, in -> null);
    }

    @Override
    public void launch(Batch batch) {
        worker.send(out -> {
            out.writeByte(WorkerProtocol.LAUNCH);
            out.writeInt(batch.index());
            out.writeInt(batch.count());
            out.writeInt(batch.widestRequest());
        });
    }

    @Override
    public long await(Batch batch) {
        return worker.expect(WorkerProtocol.DONE, DataInputStream::readLong);
    }

    @Override
    public void kill() {
        worker.kill();
    }

    @Override
    public void close() {
        worker.close();
    }
}
