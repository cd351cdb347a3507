package io.ringkernel.spi;

import java.util.Map;

/**
 * A kernel definition together with the codec of each of its message types, as the runtime
 * hands it to a backend for compilation.
 *
 * @param definition the definition
 * @param codecs codec per wire message type id
 */
public record KernelProgram(KernelDefinition definition, Map<Integer, MessageCodec> codecs) {

    /** Copies the codec map. */
    public KernelProgram {
        codecs = Map.copyOf(codecs);
    }
}
