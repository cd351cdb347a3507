/*
 * The loop every CUDA kernel runs: one block polls the work ring in mapped host memory, runs the
 * handler on up to one message per thread in parallel (one thread, in order, for a kernel with
 * device state), and once the round's results are all written publishes how far it got with one
 * release store of the ring's completed word: one system-wide fence per round, not per message.
 * Persistent: launched once, it loops until the command word says exit, and parks with
 * __nanosleep back-off while idle or told to park. Event-driven: launched per batch over the
 * positions [head, head + count), it returns when they are done.
 */

/* An acquire load: what the host wrote before the word is visible to the loads after it. */
__device__ static inline unsigned long long rk_poll(const unsigned char *word) {
    unsigned long long value;
    asm volatile("ld.acquire.sys.global.u64 %0, [%1];" : "=l"(value) : "l"(word) : "memory");
    return value;
}

__device__ static inline int rk_poll_command(const unsigned char *word) {
    int value;
    asm volatile("ld.relaxed.sys.global.s32 %0, [%1];" : "=r"(value) : "l"(word) : "memory");
    return value;
}

__device__ static inline void rk_publish(unsigned char *word, unsigned long long value) {
    asm volatile("st.release.sys.global.u64 [%0], %1;" :: "l"(word), "l"(value) : "memory");
}

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
 * Handles the message at 'position': stages it in device memory ('staging', two strides: the
 * request, then the reply), runs the handler there and copies the reply into the result slot. The
 * loop publishes it, with the rest of its round, through the completed word.
 */
__device__ static void rk_process(unsigned char *requests, unsigned char *results, unsigned int stride,
                                  unsigned int capacity, unsigned long long position, unsigned char *staging,
                                  unsigned char *state) {
    size_t at = (size_t) (position & (capacity - 1)) * stride;
    unsigned char *request = staging;
    unsigned char *reply = staging + stride;
    unsigned int first = stride < RK_FIRST_COPY_BYTES ? stride : RK_FIRST_COPY_BYTES;
    rk_copy(request, requests + at, first);
    int type = *(const int *) (request + RK_MESSAGE_TYPE_OFFSET);
    unsigned int length = *(const unsigned int *) (request + RK_PAYLOAD_LENGTH_OFFSET);
    int reply_type = 0;
    int code = RK_NO_REPLY;
    if (type != RK_SKIP_TYPE) {
        if (RK_HEADER_LENGTH + length > first) {
            rk_copy(request + first, requests + at + first, RK_HEADER_LENGTH + length - first);
        }
        code = RK_HANDLER(type, request + RK_HEADER_LENGTH, length, reply + RK_RESULT_PAYLOAD_OFFSET,
                          stride - RK_RESULT_PAYLOAD_OFFSET, &reply_type RK_STATE_ARGUMENT);
    }
    *(int *) (reply + RK_RESULT_CODE_OFFSET) = code;
    *(int *) (reply + RK_RESULT_TYPE_OFFSET) = reply_type;
    unsigned int answer = code >= 0 ? (unsigned int) code : (code == RK_FAILED ? RK_FAILURE_TEXT_BYTES : 0);
    if (answer > stride - RK_RESULT_PAYLOAD_OFFSET) {
        answer = stride - RK_RESULT_PAYLOAD_OFFSET;
    }
    if (code == RK_FAILED) {
        reply[RK_RESULT_PAYLOAD_OFFSET + answer - 1] = 0; /* the explanation ends within what is copied */
    }
    unsigned char *result = results + at;
    *(int *) (result + RK_RESULT_CODE_OFFSET) = code;
    *(int *) (result + RK_RESULT_TYPE_OFFSET) = reply_type;
    rk_copy(result + RK_RESULT_PAYLOAD_OFFSET, reply + RK_RESULT_PAYLOAD_OFFSET, answer);
}

extern "C" __global__ void rk_loop(unsigned char *work, unsigned int capacity, unsigned int stride,
                                   unsigned char *staging, unsigned char *state, unsigned long long head,
                                   unsigned int count, int persistent) {
    __shared__ unsigned int ready;
    __shared__ int command;
    const unsigned int window = blockDim.x < capacity ? blockDim.x : capacity;
    unsigned char *requests = work + RK_WORK_REQUESTS_OFFSET;
    unsigned char *results = requests + (size_t) capacity * stride;
    const unsigned long long end = head + count;
    unsigned int sleep = 0;
    unsigned int empty = 0;
    /* An idle loop polls one slot (one bus read); once messages come, as many as it has threads. */
    unsigned int polled = 1;
    while (true) {
        if (threadIdx.x == 0) {
            ready = persistent ? polled : window;
            command = RK_COMMAND_RUN;
        }
        __syncthreads();
        unsigned long long position = head + threadIdx.x;
        if (threadIdx.x < (persistent ? polled : window)) {
            bool available;
            if (persistent) {
                if (threadIdx.x == 0) {
                    command = rk_poll_command(work + RK_WORK_COMMAND_OFFSET);
                }
                size_t at = (size_t) (position & (capacity - 1)) * stride;
                available = rk_poll(requests + at + RK_SEQUENCE_OFFSET) == position + 1;
            } else {
                available = position < end;
            }
            if (!available) {
                atomicMin(&ready, threadIdx.x);
            }
        }
        __syncthreads();
        const unsigned int n = ready;
        const int now = command;
        __syncthreads();
        polled = n == 0 ? 1 : window;
        if (now == RK_COMMAND_EXIT || (!persistent && n == 0)) {
            break;
        }
        if (n == 0) {
            /* Running: poll back to back for a while (each poll is a bus round trip), then back off. */
            if (now == RK_COMMAND_PARK || ++empty > RK_IDLE_SPIN_POLLS) {
                unsigned int limit = now == RK_COMMAND_PARK ? RK_PARK_SLEEP_NANOS : RK_IDLE_SLEEP_NANOS;
                sleep = sleep == 0 ? 32 : (sleep * 2 < limit ? sleep * 2 : limit);
                __nanosleep(sleep);
            }
            continue;
        }
        sleep = 0;
        empty = 0;
#ifdef RK_STATE_BYTES
        if (threadIdx.x == 0) {
            for (unsigned int i = 0; i < n; i++) {
                rk_process(requests, results, stride, capacity, head + i, staging, state);
            }
        }
#else
        if (threadIdx.x < n) {
            rk_process(requests, results, stride, capacity, position, staging + (size_t) threadIdx.x * 2 * stride,
                       state);
        }
#endif
        head += n;
        /*
         * Every result of the round is written (the barrier orders the other threads' writes before
         * thread 0's release, which is cumulative): one fence makes them all visible to the host.
         */
        __syncthreads();
        if (threadIdx.x == 0) {
            rk_publish(work + RK_WORK_COMPLETED_OFFSET, head);
        }
    }
    if (persistent && threadIdx.x == 0) {
        rk_publish(work + RK_WORK_HEAD_OFFSET, head);
    }
}
