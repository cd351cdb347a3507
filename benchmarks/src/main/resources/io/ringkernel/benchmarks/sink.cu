/* The benchmark sink's CUDA handler: takes every message and answers none. */
__device__ int rk_handle(int message_type, const unsigned char *payload, unsigned int payload_length,
                         unsigned char *reply, unsigned int reply_capacity, int *reply_type) {
    return RK_NO_REPLY;
}
