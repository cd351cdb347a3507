/* The conformance kernel's OpenCL handler: echoes Ping and Blob, fails on Fail. */
int rk_handle(int message_type, __global const uchar *payload, uint payload_length,
              __global uchar *reply, uint reply_capacity, int *reply_type) {
    if (message_type == 3) {
        __global const rk_Fail *fail = (__global const rk_Fail *) payload;
        uint at = rk_append_text(reply, 0, reply_capacity, "failure ");
        at = rk_append_long(reply, at, reply_capacity, fail->code);
        rk_append_text(reply, at, reply_capacity, " requested by the sender");
        return RK_FAILED;
    }
    return rk_reply_copy(message_type, payload, payload_length, reply, reply_capacity, reply_type);
}
