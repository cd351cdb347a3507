/* The echo kernel's OpenCL handler: answers every message with its own bytes, whatever serializer wrote them. */
int rk_handle(int message_type, __global const uchar *payload, uint payload_length,
              __global uchar *reply, uint reply_capacity, int *reply_type) {
    if (payload_length > reply_capacity) {
        rk_append_text(reply, 0, reply_capacity, "message larger than the reply capacity");
        return RK_FAILED;
    }
    for (uint i = 0; i < payload_length; i++) {
        reply[i] = payload[i];
    }
    *reply_type = message_type;
    return (int) payload_length;
}
