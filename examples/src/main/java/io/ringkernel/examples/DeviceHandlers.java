package io.ringkernel.examples;

import io.ringkernel.aparapi.MessageBatchKernel;
import io.ringkernel.spi.DeviceSourceFiles;
import java.util.HashMap;
import java.util.Map;

/** Assembles a sample kernel's device handlers for {@link io.ringkernel.spi.KernelDefinition#deviceSources()}. */
final class DeviceHandlers {
    private DeviceHandlers() {
    }

    /**
     * @param owner the definition class, beside which the build put {@code <id>.ptx} if nvcc was there
     * @param id the definition's id
     * @param openCl the OpenCL C handler
     * @param cuda the CUDA handler
     * @return the handlers by backend key, with the PTX built from the CUDA handler when the build made it
     */
    static Map<String, String> of(Class<?> owner, String id, String openCl, String cuda) {
        Map<String, String> sources = new HashMap<>(Map.of("opencl", openCl, "cuda", cuda));
        DeviceSourceFiles.readIfPresent(owner, id + ".ptx").ifPresent(ptx -> sources.put("cuda-ptx", ptx));
        return Map.copyOf(sources);
    }

    /**
     * @param owner the definition class, beside which the build put {@code <id>.ptx} if nvcc was there
     * @param id the definition's id
     * @param openCl the OpenCL C handler
     * @param cuda the CUDA handler
     * @param aparapi the Aparapi handler, named by its class
     * @return the handlers by backend key, with the PTX built from the CUDA handler when the build made it
     */
    static Map<String, String> of(Class<?> owner, String id, String openCl, String cuda,
                                  Class<? extends MessageBatchKernel> aparapi) {
        Map<String, String> sources = new HashMap<>(of(owner, id, openCl, cuda));
        sources.put("aparapi", aparapi.getName());
        return Map.copyOf(sources);
    }
}
