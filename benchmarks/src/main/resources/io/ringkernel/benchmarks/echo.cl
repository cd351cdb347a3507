/* The benchmark echo's OpenCL handler: answers a Payload (fixed layout) with its own bytes. */
int rk_handle(int message_type, __global const uchar *payload, uint payload_length,
              __global uchar *reply, uint reply_capacity, int *reply_type) {
    return rk_reply_copy(message_type, payload, payload_length, reply, reply_capacity, reply_type);
}
