/* The echo kernel's OpenCL handler: answers every message with its own bytes, whatever serializer wrote them. */
int rk_handle(int message_type, __global const uchar *payload, uint payload_length,
              __global uchar *reply, uint reply_capacity, int *reply_type) {
    return rk_reply_copy(message_type, payload, payload_length, reply, reply_capacity, reply_type);
}
