package io.ringkernel.backend.opencl;

import io.ringkernel.spi.host.DeviceHandlerResult;
import static org.jocl.CL.CL_FALSE;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBufferRect;
import static org.jocl.CL.clEnqueueWriteBufferRect;
import static org.jocl.CL.clFlush;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clSetKernelArg;
import static org.jocl.CL.clWaitForEvents;

import io.ringkernel.protocol.ErrorPayload;
import io.ringkernel.spi.host.MessageExchange;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * One batch of messages on its way through the device: the requests copied out of the input
 * ring into host staging memory, their device copies, and the reply slots the batch kernel fills.
 * Slot {@code i} of both areas starts at {@code i * stride}. A kernel keeps two batches, so one
 * can be filled while the other runs.
 */
final class Batch implements AutoCloseable {
    /** Bytes of a failure's text copied back: the longest explanation an error reply keeps, and its NUL. */
    private static final int FAILURE_TEXT_BYTES = ErrorPayload.MAX_DETAIL_BYTES + 1;
    private static final long[] ORIGIN = {0, 0, 0};

    private final int capacity;
    private final int stride;
    private final ByteBuffer requests;
    private final ByteBuffer replies;
    private final cl_mem requestMemory;
    private final cl_mem replyMemory;
    private final MessageExchange.Rejection[] rejections;
    private int count;
    private int widestRequest;
    private long launchedAt;
    private cl_command_queue queue;
    private cl_event headersRead;

    Batch(cl_context context, int capacity, int stride) {
        this.capacity = capacity;
        this.stride = stride;
        long bytes = (long) capacity * stride;
        this.requests = ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.replies = ByteBuffer.allocateDirect((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.requestMemory = clCreateBuffer(context, CL_MEM_READ_ONLY, bytes, null, null);
        this.replyMemory = clCreateBuffer(context, CL_MEM_WRITE_ONLY, bytes, null, null);
        this.rejections = new MessageExchange.Rejection[capacity];
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

    /** @return the staged requests, slot {@code i} at {@code i * stride} */
    ByteBuffer requests() {
        return requests;
    }

    /** @return the reply slots, valid once {@link #await()} returned */
    ByteBuffer replies() {
        return replies;
    }

    /** @param slot a slot @return why the host answers it, or null if the handler ran on it */
    MessageExchange.Rejection rejection(int slot) {
        return rejections[slot];
    }

    /**
     * Enqueues the copy in, one launch over the batch and the copy out of each reply slot's
     * result, without waiting. Only the bytes in use cross to the device: as wide as the widest
     * request of the batch, in each slot (a rectangular copy).
     *
     * @param queue the kernel's in-order queue
     * @param kernel the batch kernel
     * @param state the kernel's device state, or null for a stateless kernel: one work-item per message
     * @param workGroup work-items per work-group of a stateless batch; the last group's spare
     *                  work-items find no message and return
     */
    void launch(cl_command_queue queue, cl_kernel kernel, cl_mem state, int workGroup) {
        this.queue = queue;
        launchedAt = System.nanoTime();
        clEnqueueWriteBufferRect(queue, requestMemory, CL_FALSE, ORIGIN, ORIGIN, region(widestRequest), stride, 0,
                stride, 0, Pointer.to(requests), 0, null, null);
        clSetKernelArg(kernel, 0, Sizeof.cl_mem, Pointer.to(requestMemory));
        clSetKernelArg(kernel, 1, Sizeof.cl_mem, Pointer.to(replyMemory));
        clSetKernelArg(kernel, 2, Sizeof.cl_uint, Pointer.to(new int[] {stride}));
        clSetKernelArg(kernel, 3, Sizeof.cl_uint, Pointer.to(new int[] {count}));
        if (state != null) {
            clSetKernelArg(kernel, 4, Sizeof.cl_mem, Pointer.to(state));
        }
        long local = state != null ? 1 : workGroup;
        long global = state != null ? 1 : (count + local - 1) / local * local;
        clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {global}, new long[] {local}, 0, null, null);
        headersRead = new cl_event();
        clEnqueueReadBufferRect(queue, replyMemory, CL_FALSE, ORIGIN, ORIGIN, region(OpenClSource.REPLY_PAYLOAD_OFFSET),
                stride, 0, stride, 0, Pointer.to(replies), 0, null, headersRead);
        clFlush(queue);
    }

    private long[] region(int width) {
        return new long[] {width, count, 1};
    }

    /**
     * Waits for the launch to finish, then copies out of each reply slot as many bytes as the
     * longest reply (or failure text) of the batch needs.
     *
     * @return nanoseconds from launch to the replies being in host memory
     */
    long await() {
        clWaitForEvents(1, new cl_event[] {headersRead});
        clReleaseEvent(headersRead);
        headersRead = null;
        int capacity = stride - OpenClSource.REPLY_PAYLOAD_OFFSET;
        int widest = 0;
        for (int slot = 0; slot < count; slot++) {
            int result = replies.getInt(slot * stride + OpenClSource.RESULT_OFFSET);
            int needed = result == DeviceHandlerResult.FAILED ? FAILURE_TEXT_BYTES : Math.max(result, 0);
            widest = Math.max(widest, Math.min(needed, capacity));
        }
        if (widest > 0) {
            clEnqueueReadBufferRect(queue, replyMemory, CL_TRUE, ORIGIN, ORIGIN,
                    region(OpenClSource.REPLY_PAYLOAD_OFFSET + widest), stride, 0, stride, 0, Pointer.to(replies), 0,
                    null, null);
        }
        return System.nanoTime() - launchedAt;
    }

    /** Empties the batch for reuse. */
    void clear() {
        Arrays.fill(rejections, 0, count, null);
        count = 0;
        widestRequest = 0;
    }

    @Override
    public void close() {
        clReleaseMemObject(requestMemory);
        clReleaseMemObject(replyMemory);
    }
}
