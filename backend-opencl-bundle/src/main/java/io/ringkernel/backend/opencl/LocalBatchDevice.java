package io.ringkernel.backend.opencl;

import static org.jocl.CL.CL_FALSE;
import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueueWithProperties;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBufferRect;
import static org.jocl.CL.clEnqueueWriteBufferRect;
import static org.jocl.CL.clFlush;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clSetKernelArg;
import static org.jocl.CL.clWaitForEvents;

import io.ringkernel.protocol.ErrorPayload;
import io.ringkernel.spi.host.DeviceHandlerResult;
import java.nio.ByteBuffer;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;
import org.jocl.cl_queue_properties;

/**
 * Runs a kernel's batches on an OpenCL device from this process: per batch, the copy in, one
 * launch over the batch and the copies out, on one in-order queue. Only the bytes in use cross
 * the bus: as wide as the widest request of the batch in each slot on the way in, and the
 * results, then as wide as the widest reply, on the way out (rectangular copies).
 */
final class LocalBatchDevice implements BatchDevice {
    /** Work-items per work-group of a stateless batch, or fewer if the device allows fewer. */
    static final int WORK_GROUP = 64;
    /** Bytes of a failure's text copied back: the longest explanation an error reply keeps, and its NUL. */
    private static final int FAILURE_TEXT_BYTES = ErrorPayload.MAX_DETAIL_BYTES + 1;
    private static final long[] ORIGIN = {0, 0, 0};

    private final cl_context context;
    private final OpenClDevice device;
    private final cl_command_queue queue;
    private final Batch[] batches = new Batch[BATCHES];
    private final cl_mem[] requestMemory = new cl_mem[BATCHES];
    private final cl_mem[] replyMemory = new cl_mem[BATCHES];
    private final cl_event[] headersRead = new cl_event[BATCHES];
    private final long[] launchedAt = new long[BATCHES];
    private cl_kernel kernel;
    private cl_mem state;
    private int workGroup;

    /**
     * @param context the device's context
     * @param device the device
     * @param staging the host staging of the batches, {@link Batch#stagingBytes} bytes
     * @param capacity messages per batch
     * @param stride bytes per slot
     */
    LocalBatchDevice(cl_context context, OpenClDevice device, ByteBuffer staging, int capacity, int stride) {
        this.context = context;
        this.device = device;
        this.queue = clCreateCommandQueueWithProperties(context, device.device(), new cl_queue_properties(), null);
        long bytes = (long) capacity * stride;
        for (int i = 0; i < BATCHES; i++) {
            batches[i] = Batch.area(staging, i, capacity, stride);
            requestMemory[i] = clCreateBuffer(context, CL_MEM_READ_ONLY, bytes, null, null);
            replyMemory[i] = clCreateBuffer(context, CL_MEM_WRITE_ONLY, bytes, null, null);
        }
    }

    @Override
    public Batch batch(int index) {
        return batches[index];
    }

    @Override
    public void load(OpenClCompiledKernel compiled) {
        load(compiled.built(), compiled.program().definition().deviceStateBytes());
    }

    /**
     * Takes a built program's batch kernel, with fresh zeroed device state if it keeps any.
     *
     * @param built the program
     * @param stateBytes the bytes of its device state, 0 for none
     */
    void load(cl_program built, int stateBytes) {
        releaseKernel();
        kernel = clCreateKernel(built, OpenClSource.BATCH_KERNEL, null);
        workGroup = workGroupSize(kernel);
        if (stateBytes > 0) {
            state = clCreateBuffer(context, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, stateBytes,
                    Pointer.to(new byte[stateBytes]), null);
        }
    }

    /**
     * One work-group size for every launch, so a compiler that builds a variant per launch shape
     * (PoCL does) builds one.
     */
    private int workGroupSize(cl_kernel batchKernel) {
        long[] size = new long[1];
        clGetKernelWorkGroupInfo(batchKernel, device.device(), CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t,
                Pointer.to(size), null);
        return (int) Math.max(1, Math.min(WORK_GROUP, size[0]));
    }

    /**
     * Enqueues the copy in, one launch over the batch and the copy out of each reply slot's
     * result. A stateless kernel gets one work-item per message (the last group's spare
     * work-items find no message and return); a stateful one runs the batch in one work-item.
     */
    @Override
    public void launch(Batch batch) {
        int i = batch.index();
        launchedAt[i] = System.nanoTime();
        int stride = batch.stride();
        clEnqueueWriteBufferRect(queue, requestMemory[i], CL_FALSE, ORIGIN, ORIGIN,
                region(batch.widestRequest(), batch.count()), stride, 0, stride, 0, Pointer.to(batch.requests()), 0,
                null, null);
        clSetKernelArg(kernel, 0, Sizeof.cl_mem, Pointer.to(requestMemory[i]));
        clSetKernelArg(kernel, 1, Sizeof.cl_mem, Pointer.to(replyMemory[i]));
        clSetKernelArg(kernel, 2, Sizeof.cl_uint, Pointer.to(new int[] {stride}));
        clSetKernelArg(kernel, 3, Sizeof.cl_uint, Pointer.to(new int[] {batch.count()}));
        if (state != null) {
            clSetKernelArg(kernel, 4, Sizeof.cl_mem, Pointer.to(state));
        }
        long local = state != null ? 1 : workGroup;
        long global = state != null ? 1 : (batch.count() + local - 1) / local * local;
        clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {global}, new long[] {local}, 0, null, null);
        headersRead[i] = new cl_event();
        clEnqueueReadBufferRect(queue, replyMemory[i], CL_FALSE, ORIGIN, ORIGIN,
                region(OpenClSource.REPLY_PAYLOAD_OFFSET, batch.count()), stride, 0, stride, 0,
                Pointer.to(batch.replies()), 0, null, headersRead[i]);
        clFlush(queue);
    }

    private static long[] region(int width, int count) {
        return new long[] {width, count, 1};
    }

    /** Waits for the results, then copies out as many bytes of each reply as the longest reply (or failure text) needs. */
    @Override
    public long await(Batch batch) {
        int i = batch.index();
        clWaitForEvents(1, new cl_event[] {headersRead[i]});
        clReleaseEvent(headersRead[i]);
        headersRead[i] = null;
        int stride = batch.stride();
        ByteBuffer replies = batch.replies();
        int capacity = stride - OpenClSource.REPLY_PAYLOAD_OFFSET;
        int widest = 0;
        for (int slot = 0; slot < batch.count(); slot++) {
            int result = replies.getInt(slot * stride + OpenClSource.RESULT_OFFSET);
            int needed = result == DeviceHandlerResult.FAILED ? FAILURE_TEXT_BYTES : Math.max(result, 0);
            widest = Math.max(widest, Math.min(needed, capacity));
        }
        if (widest > 0) {
            clEnqueueReadBufferRect(queue, replyMemory[i], CL_TRUE, ORIGIN, ORIGIN,
                    region(OpenClSource.REPLY_PAYLOAD_OFFSET + widest, batch.count()), stride, 0, stride, 0,
                    Pointer.to(replies), 0, null, null);
        }
        return System.nanoTime() - launchedAt[i];
    }

    /** Nothing to end: a launch in this process cannot be stopped from the host. */
    @Override
    public void kill() {
    }

    private void releaseKernel() {
        if (kernel != null) {
            clReleaseKernel(kernel);
            kernel = null;
        }
        if (state != null) {
            clReleaseMemObject(state);
            state = null;
        }
    }

    @Override
    public void close() {
        releaseKernel();
        for (int i = 0; i < BATCHES; i++) {
            clReleaseMemObject(requestMemory[i]);
            clReleaseMemObject(replyMemory[i]);
        }
        clReleaseCommandQueue(queue);
    }
}
