package io.ringkernel.backend.opencl;

import static org.jocl.CL.CL_FALSE;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFlush;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clSetKernelArg;
import static org.jocl.CL.clWaitForEvents;

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
    private final int capacity;
    private final int stride;
    private final ByteBuffer requests;
    private final ByteBuffer replies;
    private final cl_mem requestMemory;
    private final cl_mem replyMemory;
    private final MessageExchange.Rejection[] rejections;
    private int count;
    private long launchedAt;
    private cl_event done;

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
        requests.put(at, ring, offset, Math.min(length, stride));
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
     * Enqueues the copy in, one launch over the batch and the copy out, without waiting.
     *
     * @param queue the kernel's in-order queue
     * @param kernel the batch kernel
     * @param state the kernel's device state, or null for a stateless kernel: one work-item per message
     */
    void launch(cl_command_queue queue, cl_kernel kernel, cl_mem state) {
        long bytes = (long) count * stride;
        launchedAt = System.nanoTime();
        clEnqueueWriteBuffer(queue, requestMemory, CL_FALSE, 0, bytes, Pointer.to(requests), 0, null, null);
        clSetKernelArg(kernel, 0, Sizeof.cl_mem, Pointer.to(requestMemory));
        clSetKernelArg(kernel, 1, Sizeof.cl_mem, Pointer.to(replyMemory));
        clSetKernelArg(kernel, 2, Sizeof.cl_uint, Pointer.to(new int[] {stride}));
        clSetKernelArg(kernel, 3, Sizeof.cl_uint, Pointer.to(new int[] {count}));
        if (state != null) {
            clSetKernelArg(kernel, 4, Sizeof.cl_mem, Pointer.to(state));
        }
        long workItems = state != null ? 1 : count;
        clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {workItems}, null, 0, null, null);
        done = new cl_event();
        clEnqueueReadBuffer(queue, replyMemory, CL_FALSE, 0, bytes, Pointer.to(replies), 0, null, done);
        clFlush(queue);
    }

    /** @return true while a launch has not been awaited */
    boolean inFlight() {
        return done != null;
    }

    /**
     * Waits for the launch to finish and its replies to be in host memory.
     *
     * @return nanoseconds from launch to completion
     */
    long await() {
        clWaitForEvents(1, new cl_event[] {done});
        clReleaseEvent(done);
        done = null;
        return System.nanoTime() - launchedAt;
    }

    /** Empties the batch for reuse. */
    void clear() {
        Arrays.fill(rejections, 0, count, null);
        count = 0;
    }

    @Override
    public void close() {
        clReleaseMemObject(requestMemory);
        clReleaseMemObject(replyMemory);
    }
}
