/*
 * What every CUDA kernel's program holds beside its handler. rk_loop is the EVENT_DRIVEN loop:
 * launched per batch the host forwarded into the work ring, over the positions [head, head +
 * count), it runs the handler on up to one message per thread in parallel (one thread, in order,
 * for a kernel with device state) and returns once they are done. The PERSISTENT loop,
 * rk_direct, follows in rk_direct.cuh.
 */

#ifdef RK_STATE_BYTES
#define RK_STATE_ARGUMENT , state
#define RK_HANDLER rk_handle_stateful
#else
#define RK_STATE_ARGUMENT
#define RK_HANDLER rk_handle
#endif

/*
 * Copies whole 16-byte words between mapped host memory and device memory, RK_COPY_WORDS loads
 * in flight at a time: a handler then reads its message from device memory instead of paying a
 * bus round trip per field it touches.
 */
__device__ static void rk_copy(unsigned char *to, const unsigned char *from, unsigned int bytes) {
    const uint4 *source = (const uint4 *) from;
    uint4 *target = (uint4 *) to;
    const unsigned int words = (bytes + 15) / 16;
    for (unsigned int first = 0; first < words; first += RK_COPY_WORDS) {
        uint4 word[RK_COPY_WORDS];
#pragma unroll
        for (unsigned int i = 0; i < RK_COPY_WORDS; i++) {
            if (first + i < words) {
                word[i] = source[first + i];
            }
        }
#pragma unroll
        for (unsigned int i = 0; i < RK_COPY_WORDS; i++) {
            if (first + i < words) {
                target[first + i] = word[i];
            }
        }
    }
}

/*
 * Runs the handler on a request staged in device memory (header, then payload) and leaves its
 * answer in 'reply', which holds 'capacity' bytes.
 *
 * @return the handler's result (a reply length, RK_NO_REPLY or RK_FAILED); '*reply_type' is the
 *         reply's type and '*answer' the bytes of 'reply' to copy back
 */
__device__ static int rk_run_handler(const unsigned char *request, unsigned char *reply, unsigned int capacity,
                                     int *reply_type, unsigned int *answer, unsigned char *state) {
    int type = *(const int *) (request + RK_MESSAGE_TYPE_OFFSET);
    unsigned int length = *(const unsigned int *) (request + RK_PAYLOAD_LENGTH_OFFSET);
    *reply_type = 0;
    int code = RK_HANDLER(type, request + RK_HEADER_LENGTH, length, reply, capacity, reply_type RK_STATE_ARGUMENT);
    unsigned int bytes = code >= 0 ? (unsigned int) code : (code == RK_FAILED ? RK_FAILURE_TEXT_BYTES : 0);
    if (bytes > capacity) {
        bytes = capacity;
    }
    if (code == RK_FAILED) {
        reply[bytes - 1] = 0; /* the explanation ends within what is copied */
    }
    *answer = bytes;
    return code;
}

/*
 * Stages a request from mapped memory: its first bytes, then, once its length is known, the rest,
 * never more than 'limit' bytes in all.
 */
__device__ static void rk_stage(unsigned char *staged, const unsigned char *record, unsigned int limit) {
    unsigned int first = limit < RK_FIRST_COPY_BYTES ? limit : RK_FIRST_COPY_BYTES;
    rk_copy(staged, record, first);
    unsigned int length = *(const unsigned int *) (staged + RK_PAYLOAD_LENGTH_OFFSET);
    unsigned int bytes = length <= limit - RK_HEADER_LENGTH ? RK_HEADER_LENGTH + length : limit;
    if (*(const int *) (staged + RK_MESSAGE_TYPE_OFFSET) != RK_SKIP_TYPE && bytes > first) {
        rk_copy(staged + first, record + first, bytes - first);
    }
}

/*
 * Handles the message at 'position': stages it in device memory ('staging', two strides: the
 * request, then the reply), runs the handler there and copies the reply into the result slot.
 */
__device__ static void rk_process(unsigned char *requests, unsigned char *results, unsigned int stride,
                                  unsigned int capacity, unsigned long long position, unsigned char *staging,
                                  unsigned char *state) {
    size_t at = (size_t) (position & (capacity - 1)) * stride;
    unsigned char *request = staging;
    unsigned char *reply = staging + stride + RK_RESULT_PAYLOAD_OFFSET;
    rk_stage(request, requests + at, stride);
    int reply_type = 0;
    unsigned int answer = 0;
    int code = RK_NO_REPLY;
    if (*(const int *) (request + RK_MESSAGE_TYPE_OFFSET) != RK_SKIP_TYPE) {
        code = rk_run_handler(request, reply, stride - RK_RESULT_PAYLOAD_OFFSET, &reply_type, &answer, state);
    }
    unsigned char *result = results + at;
    *(int *) (result + RK_RESULT_CODE_OFFSET) = code;
    *(int *) (result + RK_RESULT_TYPE_OFFSET) = reply_type;
    rk_copy(result + RK_RESULT_PAYLOAD_OFFSET, reply, answer);
}

extern "C" __global__ void rk_loop(unsigned char *work, unsigned int capacity, unsigned int stride,
                                   unsigned char *staging, unsigned char *state, unsigned long long head,
                                   unsigned int count) {
    unsigned char *requests = work + RK_WORK_REQUESTS_OFFSET;
    unsigned char *results = requests + (size_t) capacity * stride;
    const unsigned long long end = head + count;
    for (; head < end; head += blockDim.x) {
#ifdef RK_STATE_BYTES
        if (threadIdx.x == 0) {
            for (unsigned long long position = head; position < end && position < head + blockDim.x; position++) {
                rk_process(requests, results, stride, capacity, position, staging, state);
            }
        }
#else
        unsigned long long position = head + threadIdx.x;
        if (position < end) {
            rk_process(requests, results, stride, capacity, position, staging + (size_t) threadIdx.x * 2 * stride,
                       state);
        }
#endif
        __syncthreads();
    }
    /* The host synchronizes with the launch before it reads a result. */
}
