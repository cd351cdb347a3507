package io.ringkernel.backend.opencl;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What a kernel's host thread and its {@link OpenClWorker worker process} say to each other over
 * the worker's standard input and output. Each command is one byte and its arguments; the worker
 * answers each in order. The batches' bytes do not cross here: both processes map the same
 * staging file.
 *
 * <pre>
 * worker, once started:  READY | NO_DEVICE text | FAILED text
 * LOAD   source, stateBytes     → LOADED | FAILED text
 * LAUNCH index, count, widest   → DONE nanos | FAILED text (the worker then exits)
 * CLOSE                         → the worker exits with status 0
 * </pre>
 */
final class WorkerProtocol {
    static final byte LOAD = 1;
    static final byte LAUNCH = 2;
    static final byte CLOSE = 3;
    static final byte READY = 10;
    static final byte LOADED = 11;
    static final byte DONE = 12;
    static final byte FAILED = 13;
    static final byte NO_DEVICE = 14;

    private WorkerProtocol() {
    }

    /**
     * @param out a stream
     * @param text text of any length, written as its UTF-8 byte count and bytes
     * @throws IOException if the stream fails
     */
    static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * @param in a stream
     * @return text written by {@link #writeText}
     * @throws IOException if the stream fails or ends
     */
    static String readText(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
