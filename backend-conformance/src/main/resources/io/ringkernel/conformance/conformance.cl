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
    if (payload_length > reply_capacity) {
        rk_append_text(reply, 0, reply_capacity, "payload larger than the reply capacity");
        return RK_FAILED;
    }
    for (uint i = 0; i < payload_length; i++) {
        reply[i] = payload[i];
    }
    *reply_type = message_type;
    return (int) payload_length;
}
