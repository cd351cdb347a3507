/* The conformance kernel's CUDA handler: echoes Ping and Blob, fails on Fail. */
__device__ int rk_handle(int message_type, const unsigned char *payload, unsigned int payload_length,
                         unsigned char *reply, unsigned int reply_capacity, int *reply_type) {
    if (message_type == 3) {
        const rk_Fail *fail = (const rk_Fail *) payload;
        unsigned int at = rk_append_text(reply, 0, reply_capacity, "failure ");
        at = rk_append_long(reply, at, reply_capacity, fail->code);
        rk_append_text(reply, at, reply_capacity, " requested by the sender");
        return RK_FAILED;
    }
    return rk_reply_copy(message_type, payload, payload_length, reply, reply_capacity, reply_type);
}
