package io.ringkernel.backend.opencl;

import io.ringkernel.spi.host.MessageExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * One batch of messages on its way through the device, as the host stages it: the requests
 * copied out of the input ring and the reply slots the batch kernel fills. Slot {@code i} of both
 * areas starts at {@code i * stride}. A kernel keeps two batches, so one can be filled while the
 * other runs; their areas lie one after the other in one staging buffer (see {@link #area}),
 * which a worker process can map as well.
 */
final class Batch {
    private final int index;
    private final int capacity;
    private final int stride;
    private final ByteBuffer requests;
    private final ByteBuffer replies;
    private final MessageExchange.Rejection[] rejections;
    private int count;
    private int widestRequest;

    private Batch(int index, ByteBuffer requests, ByteBuffer replies, int capacity, int stride) {
        this.index = index;
        this.capacity = capacity;
        this.stride = stride;
        this.requests = requests.order(ByteOrder.LITTLE_ENDIAN);
        this.replies = replies.order(ByteOrder.LITTLE_ENDIAN);
        this.rejections = new MessageExchange.Rejection[capacity];
    }

    /**
     * @param capacity messages per batch
     * @param stride bytes per slot
     * @return the bytes of a staging buffer for {@link BatchDevice#BATCHES} batches
     */
    static long stagingBytes(int capacity, int stride) {
        return (long) BatchDevice.BATCHES * 2 * capacity * stride;
    }

    /**
     * Maps a staging file, growing it to {@link #stagingBytes} bytes if it is shorter: the host's
     * process and its worker process each map the same file.
     *
     * @param file the file
     * @param capacity messages per batch
     * @param stride bytes per slot
     * @return the mapped staging buffer
     * @throws IOException if the file cannot be opened or mapped
     */
    static MappedByteBuffer mapStaging(Path file, int capacity, int stride) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, stagingBytes(capacity, stride));
        }
    }

    /**
     * @param staging a buffer of {@link #stagingBytes} bytes
     * @param index which batch, from 0 to {@link BatchDevice#BATCHES} − 1
     * @param capacity messages per batch
     * @param stride bytes per slot
     * @return the batch whose requests and replies lie in its part of the buffer
     */
    static Batch area(ByteBuffer staging, int index, int capacity, int stride) {
        int bytes = capacity * stride;
        return new Batch(index, staging.slice(2 * index * bytes, bytes), staging.slice((2 * index + 1) * bytes, bytes),
                capacity, stride);
    }

    /** @return which of the kernel's batches this is */
    int index() {
        return index;
    }

    /** @return how many messages fit */
    int capacity() {
        return capacity;
    }

    /** @return the messages in the batch */
    int count() {
        return count;
    }

    /** @return the bytes of a slot */
    int stride() {
        return stride;
    }

    /** @return the bytes in use of the widest request slot: what crosses to the device of each */
    int widestRequest() {
        return widestRequest;
    }

    /**
     * Copies one record into the next slot.
     *
     * @param ring the ring buffer the record lies in
     * @param offset its offset there
     * @param length its length, cut to the slot size
     * @param rejection why the host answers it instead of the handler, or null
     * @return the slot's offset in {@link #requests()}
     */
    int add(ByteBuffer ring, int offset, int length, MessageExchange.Rejection rejection) {
        int slot = count++;
        int at = slot * stride;
        int copied = Math.min(length, stride);
        requests.put(at, ring, offset, copied);
        widestRequest = Math.max(widestRequest, copied);
        rejections[slot] = rejection;
        return at;
    }

    /**
     * Takes the shape of a batch another process staged in the same memory.
     *
     * @param stagedCount its messages
     * @param stagedWidestRequest its widest request
     */
    void staged(int stagedCount, int stagedWidestRequest) {
        if (stagedCount < 0 || stagedCount > capacity || stagedWidestRequest < 0 || stagedWidestRequest > stride) {
            throw new IllegalArgumentException("a batch of " + stagedCount + " messages up to " + stagedWidestRequest
                    + " bytes does not fit " + capacity + " slots of " + stride + " bytes");
        }
        count = stagedCount;
        widestRequest = stagedWidestRequest;
    }

    /** @return the staged requests, slot {@code i} at {@code i * stride} */
    ByteBuffer requests() {
        return requests;
    }

    /** @return the reply slots, valid once the device has run the batch */
    ByteBuffer replies() {
        return replies;
    }

    /** @param slot a slot @return why the host answers it, or null if the handler ran on it */
    MessageExchange.Rejection rejection(int slot) {
        return rejections[slot];
    }

    /** Empties the batch for reuse. */
    void clear() {
        Arrays.fill(rejections, 0, count, null);
        count = 0;
        widestRequest = 0;
    }
}
