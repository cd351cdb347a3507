package io.ringkernel.backend.opencl;

import static org.jocl.CL.clReleaseProgram;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jocl.CLException;
import org.jocl.cl_context;
import org.jocl.cl_program;

/**
 * The main class of a kernel's worker process: it opens the kernel's OpenCL device in a process of
 * its own and runs the batches that the kernel's host thread stages in a shared file, as
 * {@link WorkerProtocol} tells. A device fault then ends this process, not the platform's: on
 * NVIDIA's OpenCL a fault breaks every context of the process that met it, and on a CPU device
 * such as PoCL it is a segmentation fault.
 *
 * <p>Arguments: how many devices of the device's name come before it, its name, the staging file,
 * the batch capacity and the slot stride.
 */
final class OpenClWorker {
    private final LocalBatchDevice batches;
    private final cl_context context;
    private final OpenClDevice device;
    private cl_program program;

    private OpenClWorker(OpenClDevice device, MappedByteBuffer staging, int capacity, int stride) {
        this.device = device;
        this.context = device.createContext();
        this.batches = new LocalBatchDevice(context, device, staging, capacity, stride);
    }

    /**
     * @param args the device's namesakes before it, its name, staging file, capacity, stride
     * @throws IOException if the host's pipe fails
     */
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(System.out));
        int capacity = Integer.parseInt(args[3]);
        int stride = Integer.parseInt(args[4]);
        OpenClWorker worker;
        try {
            List<OpenClDevice> devices = discover();
            int namesake = Integer.parseInt(args[0]);
            Optional<OpenClDevice> device = OpenClDevices.find(devices, args[1], namesake);
            if (device.isEmpty()) {
                answerAndExit(out, WorkerProtocol.NO_DEVICE, "the worker process finds no OpenCL device '" + args[1] + "'"
                        + (namesake > 0 ? " after " + namesake + " of that name" : "") + " among " + devices.stream()
                        .map(found -> "'" + found.info().name() + "'").toList());
                return;
            }
            worker = new OpenClWorker(device.get(), Batch.mapStaging(Path.of(args[2]), capacity, stride), capacity, stride);
        } catch (RuntimeException | LinkageError e) {
            fail(out, e);
            return;
        }
        out.writeByte(WorkerProtocol.READY);
        out.flush();
        worker.serve(in, out);
    }

    /** @return the devices here; none where the ICD loader finds no platform */
    private static List<OpenClDevice> discover() {
        try {
            return OpenClDevices.discover();
        } catch (CLException e) {
            return List.of();
        }
    }

    /**
     * Answers commands until CLOSE. A launched batch is awaited once no further command is waiting,
     * so a batch launched right behind it is on the device's queue while it runs, as in the host's
     * own process.
     */
    private void serve(DataInputStream in, DataOutputStream out) throws IOException {
        Deque<Batch> launched = new ArrayDeque<>();
        try {
            while (true) {
                if (!launched.isEmpty() && in.available() == 0) {
                    answer(launched.poll(), out);
                    continue;
                }
                byte command = next(in);
                if (command == WorkerProtocol.CLOSE) {
                    return;
                }
                if (command == WorkerProtocol.LOAD) {
                    load(WorkerProtocol.readText(in), in.readInt());
                    out.writeByte(WorkerProtocol.LOADED);
                    out.flush();
                } else if (command == WorkerProtocol.LAUNCH) {
                    Batch batch = batches.batch(in.readInt());
                    batch.staged(in.readInt(), in.readInt());
                    batches.launch(batch);
                    launched.add(batch);
                } else {
                    throw new IllegalStateException("unknown command " + command + " from the host");
                }
            }
        } catch (RuntimeException | LinkageError e) {
            fail(out, e);
        }
    }

    private void answer(Batch batch, DataOutputStream out) throws IOException {
        long nanos = batches.await(batch);
        out.writeByte(WorkerProtocol.DONE);
        out.writeLong(nanos);
        out.flush();
    }

    /** @return the next command; CLOSE when the host has gone */
    private static byte next(DataInputStream in) throws IOException {
        try {
            return in.readByte();
        } catch (EOFException e) {
            return WorkerProtocol.CLOSE;
        }
    }

    private void load(String source, int stateBytes) {
        cl_program built = device.build(context, source);
        batches.load(built, stateBytes);
        if (program != null) {
            clReleaseProgram(program);
        }
        program = built;
    }

    /** Tells the host why the worker stops, and stops: a device error may have broken its context. */
    private static void fail(DataOutputStream out, Throwable cause) throws IOException {
        answerAndExit(out, WorkerProtocol.FAILED, cause.toString());
    }

    private static void answerAndExit(DataOutputStream out, byte answer, String text) throws IOException {
        out.writeByte(answer);
        WorkerProtocol.writeText(out, text);
        out.flush();
        System.exit(1);
    }
}
