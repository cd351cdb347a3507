/* What a CUDA handler may use: the handler signature and helpers to write replies. */

/* Appends NUL-terminated text at 'at'; returns the new end, the NUL not counted. */
__device__ static inline unsigned int rk_append_text(unsigned char *out, unsigned int at, unsigned int capacity,
                                                     const char *text) {
    while (*text != 0 && at + 1 < capacity) {
        out[at++] = (unsigned char) *text++;
    }
    if (at < capacity) {
        out[at] = 0;
    }
    return at;
}

/* Appends a decimal number at 'at'; returns the new end, the NUL not counted. */
__device__ static inline unsigned int rk_append_long(unsigned char *out, unsigned int at, unsigned int capacity,
                                                     long long value) {
    unsigned char digits[20];
    int count = 0;
    unsigned long long magnitude = value < 0 ? (unsigned long long) (-(value + 1)) + 1 : (unsigned long long) value;
    if (value < 0 && at + 1 < capacity) {
        out[at++] = '-';
    }
    do {
        digits[count++] = (unsigned char) ('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    while (count > 0 && at + 1 < capacity) {
        out[at++] = digits[--count];
    }
    if (at < capacity) {
        out[at] = 0;
    }
    return at;
}

/* Replies with a copy of the message, same type and bytes; fails if it does not fit. */
__device__ static inline int rk_reply_copy(int message_type, const unsigned char *payload, unsigned int payload_length,
                                           unsigned char *reply, unsigned int reply_capacity, int *reply_type) {
    if (payload_length > reply_capacity) {
        rk_append_text(reply, 0, reply_capacity, "message larger than the reply capacity");
        return RK_FAILED;
    }
    unsigned int i = 0;
    if ((((unsigned long long) payload | (unsigned long long) reply) & 7) == 0) {
        for (; i + 8 <= payload_length; i += 8) {
            *(unsigned long long *) (reply + i) = *(const unsigned long long *) (payload + i);
        }
    }
    for (; i < payload_length; i++) {
        reply[i] = payload[i];
    }
    *reply_type = message_type;
    return (int) payload_length;
}

#ifdef RK_STATE_BYTES
__device__ int rk_handle_stateful(int message_type, const unsigned char *payload, unsigned int payload_length,
                                  unsigned char *reply, unsigned int reply_capacity, int *reply_type,
                                  unsigned char *state);
#else
__device__ int rk_handle(int message_type, const unsigned char *payload, unsigned int payload_length,
                         unsigned char *reply, unsigned int reply_capacity, int *reply_type);
#endif
