/* The echo kernel's CUDA handler: answers every message with its own bytes, whatever serializer wrote them. */
__device__ int rk_handle(int message_type, const unsigned char *payload, unsigned int payload_length,
                         unsigned char *reply, unsigned int reply_capacity, int *reply_type) {
    return rk_reply_copy(message_type, payload, payload_length, reply, reply_capacity, reply_type);
}
