package io.ringkernel.backend.cuda;

import io.ringkernel.conformance.ConformanceKernel;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageHandler;
import io.ringkernel.spi.MessageType;
import java.util.List;
import java.util.Map;

/** Kernel definitions with CUDA handlers over the conformance kernel's message types, for these tests. */
final class CudaKernels {
    /** Counts the Pings it has seen in device state and answers each with the count as its sequence. */
    static final String COUNTING = """
            __device__ int rk_handle_stateful(int message_type, const unsigned char *payload, unsigned int payload_length,
                                              unsigned char *reply, unsigned int reply_capacity, int *reply_type,
                                              unsigned char *state) {
                long long *seen = (long long *) state;
                *seen += 1;
                const rk_Ping *in = (const rk_Ping *) payload;
                rk_Ping *out = (rk_Ping *) reply;
                out->sequence = *seen;
                out->sender = in->sender;
                *reply_type = message_type;
                return (int) sizeof(rk_Ping);
            }
            """;

    private CudaKernels() {
    }

    /**
     * @param id the definition's id
     * @param cuda its CUDA handler
     * @param stateBytes bytes of device state, 0 for none
     * @return a definition of the conformance message types with that handler (and the Java handler echoing)
     */
    static KernelDefinition withCuda(String id, String cuda, int stateBytes) {
        return new KernelDefinition() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<MessageType<?>> messageTypes() {
                return new ConformanceKernel().messageTypes();
            }

            @Override
            public Map<String, String> deviceSources() {
                return Map.of(CudaBackend.SOURCE_KEY, cuda);
            }

            @Override
            public int deviceStateBytes() {
                return stateBytes;
            }

            @Override
            public MessageHandler javaHandler() {
                return (message, context) -> message;
            }
        };
    }
}
