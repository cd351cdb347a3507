/*
 * The PERSISTENT loop: launched once, one block reads the kernel's input ring in mapped host
 * memory itself, with no host thread between sender and device. Each round starts with one bus
 * round trip: the commit words of twice as many slots as the last round took, up to 'window' (one
 * while idle), read together with the host's command. It finds the committed records that follow
 * the ring's head, copies their slots into device memory with the whole block, and gives thread t
 * the records t, t + block, … (a round takes up to 'window' records, whatever the block). A record the runtime's own sender wrote (its commit
 * word marked RK_COMMIT_ADMITTED) is handled at once; any other waits, the loop stopped before it,
 * until the host has screened it and marked its commit word admitted or RK_COMMIT_REJECTED. A record that
 * needs an answer (a reply, a failure, a rejection) gets an entry in the result ring, in input
 * order; one that needs none costs the host nothing. After each round the loop publishes its
 * entries, then the ring's new head, each with one release store (the handled count rides on the
 * first). A round that finds the ring empty hands over to lone rounds, in
 * which warp 0 alone polls the head and handles a record that arrives alone (rk_lone_rounds),
 * until a burst, a command or a record it cannot take brings the block back. It parks with
 * __nanosleep back-off while idle or told to park, and leaves when told to exit.
 */

/* The commit word of the slot at a ring position. */
__device__ static inline unsigned char *rk_commit_at(unsigned char *ring, unsigned long long position,
                                                     unsigned long long mask, unsigned int slot_shift) {
    return ring + ((position & mask) << slot_shift) + RK_COMMIT_OFFSET;
}

/* An acquire load: what the host wrote before the word is visible to the loads after it. */
__device__ static inline unsigned long long rk_poll(const unsigned char *word) {
    unsigned long long value;
    asm volatile("ld.acquire.sys.global.u64 %0, [%1];" : "=l"(value) : "l"(word) : "memory");
    return value;
}

/* A relaxed load: a fence must follow before what the host wrote before the word is read. */
__device__ static inline unsigned long long rk_poll_relaxed(const unsigned char *word) {
    unsigned long long value;
    asm volatile("ld.relaxed.sys.global.u64 %0, [%1];" : "=l"(value) : "l"(word) : "memory");
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

__device__ static inline unsigned long long rk_min(unsigned long long a, unsigned long long b) {
    return a < b ? a : b;
}

/* What a round does with one record. */
#define RK_TAKE_SKIP 0    /* padding: released, no entry */
#define RK_TAKE_HANDLE 1  /* the handler runs */
#define RK_TAKE_ENTRY 2   /* answered by the host through an entry: rejected, or of an unknown type */
#define RK_TAKE_WAIT 3    /* not screened yet: the round ends before it */

__device__ static inline void rk_publish_int(unsigned char *word, int value) {
    asm volatile("st.release.sys.global.s32 [%0], %1;" :: "l"(word), "r"(value) : "memory");
}

__device__ static inline void rk_store_relaxed(unsigned char *word, unsigned long long value) {
    asm volatile("st.relaxed.sys.global.u64 [%0], %1;" :: "l"(word), "l"(value) : "memory");
}

/* Block-wide exclusive prefix sum of 0/1 flags; '*total' gets their sum. All threads call it. */
__device__ static unsigned int rk_prefix(bool flag, unsigned int *warp_sums, unsigned int *total) {
    const unsigned int lane = threadIdx.x & 31;
    const unsigned int warp = threadIdx.x >> 5;
    const unsigned int ballot = __ballot_sync(0xffffffffu, flag);
    __syncthreads();
    if (lane == 0) {
        warp_sums[warp] = __popc(ballot);
    }
    __syncthreads();
    unsigned int before = 0;
    unsigned int sum = 0;
    for (unsigned int w = 0; w < (blockDim.x + 31) / 32; w++) {
        before += w < warp ? warp_sums[w] : 0;
        sum += warp_sums[w];
    }
    *total = sum;
    return before + __popc(ballot & ((1u << lane) - 1));
}

/*
 * Counts the records a warp's threads handled into '*count' and their latest timestamp into
 * '*latest', with one shared-memory atomic each per warp, not per record: a round's records would
 * otherwise queue on the same two words; a thread's 'stamp' counts only if it 'handled' one. All
 * lanes of the warp call it.
 */
__device__ static void rk_tally(bool handled, unsigned long long stamp, unsigned int *count,
                                unsigned long long *latest) {
    const unsigned int handled_here = __popc(__ballot_sync(0xffffffffu, handled));
    stamp = handled ? stamp : 0;
    for (unsigned int offset = 16; offset > 0; offset >>= 1) {
        const unsigned long long other = __shfl_down_sync(0xffffffffu, stamp, offset);
        stamp = other > stamp ? other : stamp;
    }
    if ((threadIdx.x & 31) == 0 && handled_here > 0) {
        atomicAdd(count, handled_here);
        atomicMax(latest, stamp);
    }
}

/*
 * Copies 'words' 16-byte words of the ring, from byte 'from' on (wrapping at the ring's end,
 * 'ring_mask' its size less one), into 'mirror'. All threads call it: at each step consecutive
 * threads load consecutive words, so a warp reads whole lines, RK_COPY_WORDS loads in flight each.
 */
__device__ static void rk_mirror(unsigned char *mirror, const unsigned char *ring, unsigned long long from,
                                 unsigned long long ring_mask, unsigned int words) {
    uint4 *target = (uint4 *) mirror;
    for (unsigned int first = threadIdx.x; first < words; first += blockDim.x * RK_COPY_WORDS) {
        uint4 word[RK_COPY_WORDS];
#pragma unroll
        for (unsigned int i = 0; i < RK_COPY_WORDS; i++) {
            const unsigned int at = first + i * blockDim.x;
            if (at < words) {
                word[i] = *(const uint4 *) (ring + ((from + (unsigned long long) at * 16) & ring_mask));
            }
        }
#pragma unroll
        for (unsigned int i = 0; i < RK_COPY_WORDS; i++) {
            const unsigned int at = first + i * blockDim.x;
            if (at < words) {
                target[at] = word[i];
            }
        }
    }
}

/*
 * Classifies a staged record by its commit word's marks; 'slots' is the record's length in slots,
 * 'index' its first slot's.
 */
__device__ static int rk_classify(const unsigned char *staged, unsigned long long commit, unsigned long long slots,
                                  unsigned long long index, unsigned int ring_capacity) {
    const int type = *(const int *) (staged + RK_MESSAGE_TYPE_OFFSET);
    if (type == RK_SKIP_TYPE && *(const int *) (staged + RK_CHECKSUM_OFFSET) == RK_PADDING_MARK
            && slots == ring_capacity - index) {
        return RK_TAKE_SKIP;
    }
    if ((commit & RK_COMMIT_REJECTED) != 0) {
        return RK_TAKE_ENTRY;
    }
    if ((commit & RK_COMMIT_ADMITTED) == 0) {
        return RK_TAKE_WAIT;
    }
    return RK_KNOWN_TYPE(type) ? RK_TAKE_HANDLE : RK_TAKE_ENTRY;
}

/*
 * Writes the result entry of the record at 'record_start', staged at 'request': its position, its
 * header, the result 'code' and reply 'type', and 'answer' bytes of 'reply'.
 */
__device__ static void rk_write_entry(unsigned char *entry, const unsigned char *request, unsigned long long record_start,
                                      int code, int type, const unsigned char *reply, unsigned int answer) {
    *(unsigned long long *) (entry + RK_ENTRY_POSITION_OFFSET) = record_start;
    rk_copy(entry + 16, request + 16, RK_HEADER_LENGTH - 16);
    *(unsigned long long *) (entry + 8) = *(const unsigned long long *) (request + 8);
    *(int *) (entry + RK_ENTRY_CODE_OFFSET) = code;
    *(int *) (entry + RK_ENTRY_TYPE_OFFSET) = type;
    rk_copy(entry + RK_ENTRY_PAYLOAD_OFFSET, reply, answer);
}

/* Releases a record's slots as the ring's reader does: zeroes the commit words inside it. */
__device__ static void rk_release(unsigned char *ring, unsigned long long start, unsigned long long end,
                                  unsigned long long mask, unsigned int slot_shift) {
    for (unsigned long long slot = start + 1; slot < end; slot++) {
        *(unsigned long long *) rk_commit_at(ring, slot, mask, slot_shift) = 0;
    }
}

/*
 * Thread 0 publishes a round: the handled count and latest timestamp, then the count of its
 * 'entries' after 'published' and, if it took records, the ring's new head, each with one release
 * store. The handled count rides on the first of them, so a host that sees an entry also sees its
 * record counted as handled.
 */
__device__ static void rk_publish_round(unsigned char *control, unsigned char *ring_head, unsigned long long published,
                                        unsigned int entries, unsigned long long *handled, unsigned int handled_now,
                                        unsigned long long latest, bool took, unsigned long long new_head) {
    if (handled_now > 0) {
        *handled += handled_now;
        rk_store_relaxed(control + RK_RESULT_LATEST_OFFSET, latest);
        rk_store_relaxed(control + RK_RESULT_HANDLED_OFFSET, *handled);
    }
    if (entries > 0) {
        rk_publish(control + RK_RESULT_PUBLISHED_OFFSET, published + entries);
    }
    if (took) {
        rk_publish(ring_head, new_head);
    }
}

/* Sleeps a while after an empty poll, twice as long as the last time, up to 'limit' nanoseconds. */
__device__ static void rk_back_off(unsigned int *sleep, unsigned int limit) {
    *sleep = *sleep == 0 ? 32 : (*sleep * 2 < limit ? *sleep * 2 : limit);
    __nanosleep(*sleep);
}

/* Where warp 0's lone rounds leave the loop, for the whole block. */
struct rk_lone_state {
    unsigned long long head;
    unsigned long long published;
    unsigned int polled;
};

/*
 * The lone rounds of an idle, running loop: warp 0 alone polls the ring's head while the block's
 * other warps wait at a barrier, so an idle poll costs no block barrier, and a record that arrives
 * alone is handled without one: one bus round trip brings the host's command and the head slot's
 * commit word, a second the record (up to RK_LONE_BYTES, one 16-byte word a lane), then thread 0
 * runs the handler, writes the entry and publishes, as a block round would. It leaves the rest to
 * the block: it returns, 'lone' saying where it stopped, when the command changes or a record
 * arrives that a block round must take: one found by the poll right after a record was handled
 * (a burst: the block polls a block's worth of slots next, within the window), a longer one, one not admitted, of an
 * unknown type or padding, or one that finds the result ring without room for its entry.
 */
__device__ static void rk_lone_rounds(unsigned char *ring, unsigned int ring_capacity, unsigned int slot_shift,
                                      unsigned char *control, unsigned int entry_capacity, unsigned int stride,
                                      unsigned char *replies, unsigned char *mirror, unsigned char *state,
                                      int running_word, unsigned long long head, unsigned long long published,
                                      unsigned long long *handled, unsigned long long *collected,
                                      struct rk_lone_state *lone) {
    const unsigned int lane = threadIdx.x;
    const unsigned long long mask = ring_capacity - 1;
    unsigned char *entries = control + RK_RESULT_ENTRIES_OFFSET;
    unsigned char *ring_head = ring + ((size_t) ring_capacity << slot_shift) + RK_RING_HEAD_OFFSET;
    unsigned int sleep = 0;
    unsigned int empty = 0;
    unsigned int polled = 1;
    bool took = false; /* the last poll found a record, and this warp handled it */
    while (true) {
        /* Thread 0 loads the command, then the head's commit word with acquire: one round trip. */
        int word = 0;
        unsigned long long first = 0;
        if (lane == 0) {
            word = rk_poll_command(control + RK_RESULT_COMMAND_OFFSET);
            first = rk_poll(rk_commit_at(ring, head, mask, slot_shift));
        }
        word = __shfl_sync(0xffffffffu, word, 0);
        first = __shfl_sync(0xffffffffu, first, 0);
        const unsigned long long end = first & RK_COMMIT_END_MASK;
        if (word != running_word) {
            break;
        }
        if (end <= head || end - head > ring_capacity) {
            took = false;
            if (++empty > RK_IDLE_SPIN_POLLS) {
                rk_back_off(&sleep, RK_IDLE_SLEEP_NANOS);
            }
            continue;
        }
        if (took) {
            polled = blockDim.x;
            break;
        }
        const unsigned long long slots = end - head;
        if ((slots << slot_shift) > RK_LONE_BYTES || (first & RK_COMMIT_ADMITTED) == 0
                || (first & RK_COMMIT_REJECTED) != 0) {
            break;
        }
        if (lane == 0 && published + 1 - *collected > entry_capacity) {
            *collected = rk_poll(control + RK_RESULT_COLLECTED_OFFSET);
        }
        __syncwarp(); /* orders thread 0's acquire load before the lanes' loads, and shares 'collected' */
        if (published + 1 - *collected > entry_capacity) {
            break;
        }
        const unsigned char *record = ring + ((head & mask) << slot_shift);
        if (lane < (unsigned int) ((slots << slot_shift) / 16)) {
            ((uint4 *) mirror)[lane] = ((const uint4 *) record)[lane];
        }
        __syncwarp();
        int take = RK_TAKE_WAIT;
        int code = RK_NO_REPLY;
        if (lane == 0) {
            take = rk_classify(mirror, first, slots, head & mask, ring_capacity);
            if (take == RK_TAKE_HANDLE) {
                int type = 0;
                unsigned int answer = 0;
                unsigned char *reply = replies + RK_ENTRY_PAYLOAD_OFFSET;
                code = rk_run_handler(mirror, reply, stride - RK_ENTRY_PAYLOAD_OFFSET, &type, &answer, state);
                if (code != RK_NO_REPLY) {
                    rk_write_entry(entries + (size_t) (published % entry_capacity) * stride, mirror, head, code, type,
                                   reply, answer);
                }
                rk_release(ring, head, end, mask, slot_shift);
                rk_publish_round(control, ring_head, published, code != RK_NO_REPLY ? 1 : 0, handled, 1,
                                 *(const unsigned long long *) (mirror + RK_TIMESTAMP_OFFSET), true, end);
            }
        }
        if (__shfl_sync(0xffffffffu, take, 0) != RK_TAKE_HANDLE) {
            break;
        }
        published += __shfl_sync(0xffffffffu, code, 0) != RK_NO_REPLY ? 1 : 0;
        head = end;
        took = true;
        sleep = 0;
        empty = 0;
    }
    if (lane == 0) {
        lone->head = head;
        lone->published = published;
        lone->polled = polled;
    }
}

extern "C" __global__ void rk_direct(unsigned char *ring, unsigned int ring_capacity, unsigned int slot_shift,
                                     unsigned char *control, unsigned int entry_capacity, unsigned int stride,
                                     unsigned int window, unsigned char *staging, unsigned char *state,
                                     unsigned long long head, unsigned long long published) {
    __shared__ unsigned long long commit[RK_MAX_WINDOW];
    __shared__ unsigned long long start_of[RK_MAX_WINDOW];
    __shared__ unsigned long long end_of[RK_MAX_WINDOW];
    __shared__ unsigned char take_of[RK_MAX_WINDOW];
    __shared__ int codes[RK_MAX_WINDOW];
    __shared__ int types[RK_MAX_WINDOW];
    __shared__ unsigned int answers[RK_MAX_WINDOW];
    __shared__ unsigned int warp_sums[32];
    __shared__ int command;
    __shared__ unsigned long long collected;
    __shared__ unsigned int uniform_end;
    __shared__ unsigned int records;
    __shared__ unsigned int waiting;
    __shared__ unsigned int handled_count;
    __shared__ unsigned long long latest;
    __shared__ struct rk_lone_state lone_state;
    const unsigned long long mask = ring_capacity - 1;
    /* Staging: a reply of 'stride' bytes per record of a round, then the mirror of the slots it takes. */
    unsigned char *replies = staging;
    unsigned char *mirror = staging + (size_t) window * stride;
    const unsigned long long mirror_slots = window + ((stride + (1u << slot_shift) - 1) >> slot_shift);
    unsigned char *entries = control + RK_RESULT_ENTRIES_OFFSET;
    unsigned char *ring_head = ring + ((size_t) ring_capacity << slot_shift) + RK_RING_HEAD_OFFSET;
    unsigned long long handled = *(volatile unsigned long long *) (control + RK_RESULT_HANDLED_OFFSET);
    unsigned long long waiting_at = 0;
    int acknowledged = -1;
    bool running = true;
    unsigned int polled = 1;
    unsigned int spacing = 1; /* slots between the commit words a round polls: the last round's uniform record length */
    unsigned int sleep = 0;
    unsigned int empty = 0;
    bool lone = false; /* the last round found the ring empty, running with room for a window of entries */
    if (threadIdx.x == 0) {
        collected = rk_poll(control + RK_RESULT_COLLECTED_OFFSET);
    }
    while (true) {
        if (lone) {
            if (threadIdx.x < 32) {
                rk_lone_rounds(ring, ring_capacity, slot_shift, control, entry_capacity, stride, replies, mirror,
                               state, command, head, published, &handled, &collected, &lone_state);
            }
            __syncthreads();
            head = lone_state.head;
            published = lone_state.published;
            polled = (unsigned int) rk_min(lone_state.polled, window);
            spacing = 1;
            sleep = 0;
            empty = 0;
        }
        if (threadIdx.x == 0) {
            if (published + window - collected > entry_capacity) {
                collected = rk_poll(control + RK_RESULT_COLLECTED_OFFSET); /* only grows: a stale count is safe */
            }
            uniform_end = window;
            records = 0;
            waiting = RK_MAX_WINDOW;
            handled_count = 0;
            latest = 0;
        }
        __syncthreads();
        const bool room = published + window - collected <= entry_capacity;
        const unsigned int polling = running && room ? polled : 0;

        /*
         * One bus round trip starts a round: the last thread reads the host's command while the
         * others poll the commit words, which count only if the command says run. A thread polls
         * its slot with an acquire load, and the slots a block, two blocks… further on, where the
         * window reaches them, with relaxed loads issued before it (the acquire load holds back
         * the loads after it: RK_POLL_BATCH of them go out with it); a fence then orders what
         * those found. After a round of records of one length, only the slots where the next of
         * them would start are polled ('spacing' apart): a record's other slots hold no commit
         * word, and a bus read less each leaves more of the link to the copy.
         */
        if (threadIdx.x == blockDim.x - 1) {
            command = rk_poll_command(control + RK_RESULT_COMMAND_OFFSET);
        }
        bool found_relaxed = false;
        unsigned long long own = 0;
        unsigned int base = threadIdx.x + blockDim.x;
        do {
            unsigned long long words[RK_POLL_BATCH];
#pragma unroll
            for (unsigned int j = 0; j < RK_POLL_BATCH; j++) {
                const unsigned int s = base + j * blockDim.x;
                words[j] = s < polling && s % spacing == 0
                        ? rk_poll_relaxed(rk_commit_at(ring, head + s, mask, slot_shift)) : 0;
            }
            if (base == threadIdx.x + blockDim.x && threadIdx.x < polling && threadIdx.x % spacing == 0) {
                own = rk_poll(rk_commit_at(ring, head + threadIdx.x, mask, slot_shift));
            }
#pragma unroll
            for (unsigned int j = 0; j < RK_POLL_BATCH; j++) {
                const unsigned int s = base + j * blockDim.x;
                if (s < window) {
                    commit[s] = words[j];
                    found_relaxed |= words[j] != 0;
                }
            }
            base += RK_POLL_BATCH * blockDim.x;
        } while (base < window);
        if (threadIdx.x < window) {
            commit[threadIdx.x] = own;
        }
        if (found_relaxed) {
            asm volatile("fence.acq_rel.sys;" ::: "memory");
        }
        __syncthreads();
        const int word = command;
        if (threadIdx.x == 0 && word != acknowledged) {
            acknowledged = word;
            rk_publish_int(control + RK_RESULT_ACKNOWLEDGED_OFFSET, word); /* every earlier round is published */
        }
        if ((word & 3) == RK_COMMAND_EXIT) {
            break;
        }
        running = (word & 3) == RK_COMMAND_RUN;

        /* Find the records; one of uniform length k is found in parallel, k slots apart. */
        const unsigned long long first = running ? commit[0] & RK_COMMIT_END_MASK : 0;
        const unsigned int k = first > head && first - head <= ring_capacity ? (unsigned int) (first - head) : 0;
        for (unsigned int s = threadIdx.x; k > 0 && s < window; s += blockDim.x) {
            if (s % k == 0 && (commit[s] & RK_COMMIT_END_MASK) != head + s + k) {
                atomicMin(&uniform_end, s);
            }
        }
        __syncthreads();
        for (unsigned int s = threadIdx.x; k > 0 && s < uniform_end; s += blockDim.x) {
            if (s % k == 0) {
                start_of[s / k] = head + s;
                end_of[s / k] = head + s + k;
            }
        }
        if (threadIdx.x == 0 && k > 0) {
            /* Past the uniform run, follow the records one by one. */
            unsigned int n = (uniform_end + k - 1) / k;
            unsigned long long at = head + (unsigned long long) n * k;
            while (at - head < window && (commit[at - head] & RK_COMMIT_END_MASK) > at
                    && (commit[at - head] & RK_COMMIT_END_MASK) - at <= ring_capacity) {
                start_of[n] = at;
                end_of[n] = commit[at - head] & RK_COMMIT_END_MASK;
                at = end_of[n++];
            }
            records = n;
        }
        __syncthreads();
        const unsigned int n = records;
        const bool uniform = k > 0 && n == (uniform_end + k - 1) / k;

        /* Stage: the block copies the records' slots into the mirror together, each load beside its neighbour's. */
        const unsigned long long span_end = n > 0 ? rk_min(end_of[n - 1], head + mirror_slots) : head;
        rk_mirror(mirror, ring, head << slot_shift, ((unsigned long long) ring_capacity << slot_shift) - 1,
                  (unsigned int) (((span_end - head) << slot_shift) / 16));
        __syncthreads();

        /* Classify: thread t takes records t, t + block, … */
        for (unsigned int i = threadIdx.x; i < n; i += blockDim.x) {
            take_of[i] = (unsigned char) rk_classify(mirror + ((start_of[i] - head) << slot_shift),
                                                     commit[start_of[i] - head], end_of[i] - start_of[i],
                                                     start_of[i] & mask, ring_capacity);
            if (take_of[i] == RK_TAKE_WAIT) {
                atomicMin(&waiting, i);
            }
        }
        __syncthreads();
        const unsigned int taken = waiting < n ? waiting : n;

        /* Run the handlers: in parallel, or one by one on thread 0 for a kernel with device state. */
#ifdef RK_STATE_BYTES
        for (unsigned int i = 0; threadIdx.x == 0 && i < taken; i++) {
#else
        for (unsigned int i = threadIdx.x; i < taken; i += blockDim.x) {
#endif
            if (take_of[i] == RK_TAKE_HANDLE) {
                codes[i] = rk_run_handler(mirror + ((start_of[i] - head) << slot_shift),
                                          replies + (size_t) i * stride + RK_ENTRY_PAYLOAD_OFFSET,
                                          stride - RK_ENTRY_PAYLOAD_OFFSET, &types[i], &answers[i], state);
            }
        }
        __syncthreads();
        bool answers_here = false; /* a round that answers nothing skips numbering the entries */
        for (unsigned int i = threadIdx.x; i < taken; i += blockDim.x) {
            answers_here |= take_of[i] == RK_TAKE_ENTRY || (take_of[i] == RK_TAKE_HANDLE && codes[i] != RK_NO_REPLY);
        }
        const bool any_entry = __syncthreads_or(answers_here) != 0;

        /* Entries, in input order, for what the host must answer; a block of records at a time. */
        unsigned int entry_count = 0;
        for (unsigned int base = 0; base < taken; base += blockDim.x) {
            const unsigned int i = base + threadIdx.x;
            const bool mine = i < taken;
            const int take = mine ? take_of[i] : RK_TAKE_SKIP;
            const bool needs_entry = take == RK_TAKE_ENTRY || (take == RK_TAKE_HANDLE && codes[i] != RK_NO_REPLY);
            unsigned int count = 0;
            const unsigned int entry_index = entry_count + (any_entry ? rk_prefix(needs_entry, warp_sums, &count) : 0);
            entry_count += count;
            const unsigned char *request = mine ? mirror + ((start_of[i] - head) << slot_shift) : mirror;
            rk_tally(take == RK_TAKE_HANDLE, *(const unsigned long long *) (request + RK_TIMESTAMP_OFFSET), &handled_count,
                     &latest);
            if (!mine) {
                continue;
            }
            const unsigned long long record_start = start_of[i];
            if (needs_entry) {
                const bool refused = (commit[record_start - head] & RK_COMMIT_REJECTED) != 0;
                rk_write_entry(entries + (size_t) ((published + entry_index) % entry_capacity) * stride, request,
                               record_start,
                               take == RK_TAKE_HANDLE ? codes[i] : (refused ? RK_ENTRY_REFUSED : RK_ENTRY_UNKNOWN_TYPE),
                               take == RK_TAKE_HANDLE ? types[i] : 0,
                               replies + (size_t) i * stride + RK_ENTRY_PAYLOAD_OFFSET,
                               take == RK_TAKE_HANDLE ? answers[i] : 0);
            }
            rk_release(ring, record_start, end_of[i], mask, slot_shift);
        }
        __syncthreads();
        if (threadIdx.x == 0) {
            rk_publish_round(control, ring_head, published, entry_count, &handled, handled_count, latest, taken > 0,
                             taken > 0 ? end_of[taken - 1] : head);
            const unsigned long long wait_at = taken < n ? start_of[taken] + 1 : 0;
            if (wait_at != waiting_at) {
                waiting_at = wait_at;
                rk_publish(control + RK_RESULT_WAITING_OFFSET, wait_at);
            }
        }
        published += entry_count;
        const unsigned long long took = taken > 0 ? end_of[taken - 1] - head : 0;
        if (taken > 0) {
            head = end_of[taken - 1];
        }
        __syncthreads();
        /* A lone call polls a few slots after it, not the whole window: a wide poll delays the next call. */
        polled = taken == 0 ? 1 : (unsigned int) rk_min(window, 2 * took);
        spacing = taken == n && uniform ? k : 1;
        /* A running loop that found nothing, with room for a window of entries, goes on in lone rounds. */
        lone = running && room && n == 0;
        if (taken > 0) {
            sleep = 0;
            empty = 0;
        } else if ((word & 3) != RK_COMMAND_RUN || n > 0 || (!lone && ++empty > RK_IDLE_SPIN_POLLS)) {
            /* Parked, waiting for the host's screen, or for room a while: poll less often. */
            rk_back_off(&sleep, (word & 3) == RK_COMMAND_PARK ? RK_PARK_SLEEP_NANOS : RK_IDLE_SLEEP_NANOS);
        }
    }
}
