package io.ringkernel.conformance;

import io.ringkernel.api.Dim3;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.protocol.ControlBlock;
import io.ringkernel.protocol.ControlBlockDescriptor;
import io.ringkernel.protocol.HeaderFields;
import io.ringkernel.protocol.ManyToOneSlotRing;
import io.ringkernel.protocol.MessageHeader;
import io.ringkernel.protocol.MessageHeaderDescriptor;
import io.ringkernel.protocol.MessageWriter;
import io.ringkernel.protocol.RingDescriptor;
import io.ringkernel.protocol.Telemetry;
import io.ringkernel.protocol.TelemetryDescriptor;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.BackendKernel;
import io.ringkernel.spi.KernelProgram;
import io.ringkernel.spi.KernelResources;
import io.ringkernel.spi.KernelSignals;
import io.ringkernel.spi.MessageCodec;
import io.ringkernel.spi.MessageType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one {@link ConformanceKernel} on a backend through the SPI alone, with direct access to
 * its rings: for the cases the public API cannot produce, such as garbage bytes in a slot.
 */
public final class SpiHarness implements AutoCloseable {
    /** Slots of each ring. */
    public static final int CAPACITY = 64;
    /** Bytes per slot. */
    public static final int SLOT_SIZE = 128;

    private final BackendContext context;
    private final KernelProgram program;
    private final ManyToOneSlotRing input;
    private final ManyToOneSlotRing output;
    private final ControlBlock controlBlock;
    private final Telemetry telemetry;
    private final BackendKernel kernel;
    private final List<Throwable> failures = new ArrayList<>();

    /**
     * Opens one of the backend's devices and launches the conformance kernel on it, active.
     *
     * @param backend the backend under test
     * @param device the device's index within the backend
     */
    public SpiHarness(Backend backend, int device) {
        this.context = backend.open(device, RuntimeConfig.defaults().withCpuWorkerThreads(2));
        ConformanceKernel definition = new ConformanceKernel();
        FixedLayoutSerializer serializer = new FixedLayoutSerializer();
        Map<Integer, MessageCodec> codecs = new HashMap<>();
        for (MessageType<?> type : definition.messageTypes()) {
            codecs.put(type.typeId(), serializer.codecFor(type));
        }
        this.program = new KernelProgram(definition, codecs);
        this.controlBlock = new ControlBlock(context.allocate(ControlBlockDescriptor.LENGTH,
                ControlBlockDescriptor.ALIGNMENT).hostView(), 0);
        this.telemetry = new Telemetry(context.allocate(TelemetryDescriptor.LENGTH, TelemetryDescriptor.ALIGNMENT)
                .hostView(), 0);
        this.input = ring();
        this.output = ring();
        controlBlock.initialise(1, input, output, input.maxPayload(), false);
        KernelResources resources = new KernelResources("spi-conformance", 1, backend.defaultMode(), Dim3.ONE, Dim3.ONE,
                controlBlock, telemetry, input, output, new Signals());
        this.kernel = context.launch(context.compile(program), resources);
        kernel.activate();
    }

    private ManyToOneSlotRing ring() {
        return new ManyToOneSlotRing(context.allocate(RingDescriptor.requiredBytes(CAPACITY, SLOT_SIZE),
                RingDescriptor.ALIGNMENT).hostView(), CAPACITY, SLOT_SIZE);
    }

    /** @return the kernel's telemetry */
    public Telemetry telemetry() {
        return telemetry;
    }

    /** @return failures the backend reported through its signals */
    public List<Throwable> failures() {
        return failures;
    }

    /**
     * @param message a conformance message
     * @return its payload as the fixed-layout codec encodes it (a copy)
     */
    public ByteBuffer encode(Object message) {
        int type = message instanceof Ping ? ConformanceKernel.PING_TYPE
                : message instanceof Blob ? ConformanceKernel.BLOB_TYPE : ConformanceKernel.FAIL_TYPE;
        ByteBuffer encoded = program.codecs().get(type).encode(message);
        ByteBuffer copy = ByteBuffer.allocate(encoded.remaining());
        copy.put(encoded).flip();
        return copy;
    }

    /**
     * Writes a well-framed message to the input ring and wakes the kernel.
     *
     * @param fields header values
     * @param payload payload bytes
     */
    public void write(HeaderFields fields, ByteBuffer payload) {
        if (MessageWriter.tryWrite(input, fields, payload) == ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
            throw new IllegalStateException("input ring full");
        }
        kernel.wake();
    }

    /**
     * Writes a well-framed message, then flips one payload byte before committing it, so its
     * checksum no longer matches.
     *
     * @param fields header values
     * @param payload payload bytes, at least one
     */
    public void writeCorrupted(HeaderFields fields, ByteBuffer payload) {
        long position = writeUncommitted(fields, payload);
        int flipped = input.offset(position) + MessageHeaderDescriptor.HEADER_LENGTH + payload.remaining() - 1;
        input.buffer().put(flipped, (byte) (input.buffer().get(flipped) ^ 0x5A));
        commit(position, payload.remaining());
    }

    /**
     * Claims room in the input ring and writes a well-framed message there without committing it,
     * as a producer does between its claim and its commit: the kernel sees nothing of it, only the
     * padding before it if the claim wrapped around the ring's end, until {@link #commit}.
     *
     * @param fields header values
     * @param payload payload bytes
     * @return the message's position, for {@link #commit}
     */
    public long writeUncommitted(HeaderFields fields, ByteBuffer payload) {
        long position = input.tryClaim(payload.remaining());
        if (position == ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
            throw new IllegalStateException("input ring full");
        }
        MessageHeader header = new MessageHeader().wrap(input.buffer(), input.offset(position)).write(fields);
        input.buffer().put(header.payloadOffset(), payload, payload.position(), payload.remaining());
        header.seal();
        return position;
    }

    /**
     * Commits a message {@link #writeUncommitted} wrote and wakes the kernel.
     *
     * @param position its position
     * @param payloadLength its payload's length
     */
    public void commit(long position, int payloadLength) {
        input.commit(position, payloadLength);
        kernel.wake();
    }

    /**
     * Claims a record of {@code garbage.length} payload bytes and fills everything after the
     * commit word — header and payload — with the given bytes, then commits it as the ring would.
     *
     * @param garbage bytes for header bytes 8..63 followed by the payload
     * @return the record's position in the input ring, which tells where in the ring it lies
     */
    public long writeGarbage(byte[] garbage) {
        int payloadLength = Math.max(0, garbage.length - 56);
        long position = input.tryClaim(payloadLength);
        if (position == ManyToOneSlotRing.INSUFFICIENT_CAPACITY) {
            throw new IllegalStateException("input ring full");
        }
        input.buffer().put(input.offset(position) + 8, garbage);
        input.commit(position, payloadLength);
        kernel.wake();
        return position;
    }

    /**
     * Waits for records in the output ring.
     *
     * @param count how many
     * @param timeout how long at most
     * @return copies of their headers and payloads, in order
     */
    public List<OutputRecord> awaitOutput(int count, Duration timeout) {
        List<OutputRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        MessageHeader header = new MessageHeader();
        while (records.size() < count && System.nanoTime() < deadline) {
            if (output.read((buffer, offset, length) -> {
                header.wrap(buffer, offset);
                ByteBuffer payload = ByteBuffer.allocate(header.payloadLength());
                payload.put(0, buffer, header.payloadOffset(), header.payloadLength());
                records.add(new OutputRecord(header.messageType(), header.correlationId(), header.flags(),
                        header.problem(length), payload));
            }, count - records.size()) == 0) {
                kernel.wake();
                LockSupport.parkNanos(100_000);
            }
        }
        return records;
    }

    /**
     * Swaps the kernel's code as the runtime does on a hot swap: deactivates it, compiles the
     * program again and swaps it in, activates it.
     */
    public void swap() {
        kernel.deactivate();
        kernel.swap(context.compile(program));
        kernel.activate();
    }

    /** Deactivates the kernel: it stops consuming and what is queued stays queued. */
    public void deactivate() {
        kernel.deactivate();
    }

    @Override
    public void close() {
        kernel.terminate(Duration.ofSeconds(5));
        context.close();
    }

    /**
     * One record the kernel wrote.
     *
     * @param messageType its type
     * @param correlationId its correlation id
     * @param flags its flags
     * @param problem what the header check found wrong, or null
     * @param payload its payload
     */
    public record OutputRecord(int messageType, long correlationId, short flags, String problem, ByteBuffer payload) {
    }

    /** Records the backend's callbacks. */
    private final class Signals implements KernelSignals {
        @Override
        public void outputCommitted() {
            // The harness polls the output ring itself.
        }

        @Override
        public void failed(Throwable cause) {
            synchronized (failures) {
                failures.add(cause);
            }
        }
    }
}
