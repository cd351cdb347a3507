package io.ringkernel.benchmarks;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.RuntimeBuilder;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.backend.aparapi.AparapiBackend;
import io.ringkernel.backend.cuda.CudaBackend;
import io.ringkernel.backend.opencl.OpenClBackend;
import io.ringkernel.codec.FixedLayoutSerializer;
import io.ringkernel.spi.Backend;
import io.ringkernel.spi.DeviceSourceFiles;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageHandler;
import io.ringkernel.spi.MessageType;
import java.util.List;
import java.util.Map;

/**
 * The kernels the runtime benchmarks drive: an echo (with a Java handler, an OpenCL C one, a
 * CUDA one and an Aparapi one, {@link EchoHandler}, so the same definition runs on every backend)
 * and a sink that answers nothing (Java and CUDA).
 */
final class BenchmarkKernels {
    static final String ECHO = "bench-echo";
    static final String SINK = "bench-sink";

    /**
     * The echo's OpenCL C handler ({@code echo.cl}): copies the payload's bytes into the reply.
     * {@link Payload} is a fixed-layout record whose array offsets count from the payload start,
     * so the copy is the same message.
     */
    static final String ECHO_OPENCL = DeviceSourceFiles.read(BenchmarkKernels.class, "echo.cl");
    /** The echo's CUDA handler ({@code echo.cu}): the same copy. */
    static final String ECHO_CUDA = DeviceSourceFiles.read(BenchmarkKernels.class, "echo.cu");
    /** The sink's CUDA handler ({@code sink.cu}): answers nothing. */
    static final String SINK_CUDA = DeviceSourceFiles.read(BenchmarkKernels.class, "sink.cu");

    private BenchmarkKernels() {
    }

    /** @return a runtime on the CPU backend with both kernels registered */
    static RingKernelRuntime cpuRuntime() {
        return runtime(BackendType.CPU);
    }

    /**
     * Builds a runtime whose kernels run on one backend. Nothing is discovered from the class path:
     * the runtime has the CPU backend (always installed), the fixed-layout serializer and, when
     * asked for, the OpenCL or CUDA backend whose availability was checked here.
     *
     * @param backend CPU, OPENCL or CUDA
     * @return a runtime on that backend with both kernels registered
     * @throws IllegalStateException if OpenCL or CUDA is asked for and cannot run here, naming the reason
     */
    static RingKernelRuntime runtime(BackendType backend) {
        return runtime(backend, 0);
    }

    /**
     * Builds a runtime whose kernels run on one backend and device, as {@link #runtime(BackendType)}.
     *
     * @param backend CPU, OPENCL, CUDA or APARAPI
     * @param device the device index within the backend
     * @return a runtime on that backend with both kernels registered
     * @throws IllegalStateException if OpenCL or CUDA is asked for and cannot run here, naming the reason
     */
    static RingKernelRuntime runtime(BackendType backend, int device) {
        RuntimeBuilder builder = RingKernelRuntime.builder().backend(backend).device(device).config(RuntimeConfig.defaults())
                .discoverPlugins(false).addSerializer(new FixedLayoutSerializer())
                .addKernel(definition(ECHO, (message, context) -> message,
                        Map.of(OpenClBackend.SOURCE_KEY, ECHO_OPENCL, CudaBackend.SOURCE_KEY, ECHO_CUDA,
                                AparapiBackend.SOURCE_KEY, EchoHandler.class.getName())))
                .addKernel(definition(SINK, (message, context) -> null, Map.of(CudaBackend.SOURCE_KEY, SINK_CUDA)));
        switch (backend) {
            case CPU -> {
                // the CPU backend is always installed
            }
            case OPENCL -> builder.addBackend(available(new OpenClBackend()));
            case CUDA -> builder.addBackend(available(new CudaBackend()));
            case APARAPI -> builder.addBackend(available(new AparapiBackend()));
            default -> throw new IllegalArgumentException("no benchmark runtime for backend " + backend);
        }
        return builder.build();
    }

    private static Backend available(Backend backend) {
        Backend.Availability availability = backend.availability();
        if (!availability.available()) {
            throw new IllegalStateException("the " + backend.type() + " backend cannot run here: " + availability.reason());
        }
        return backend;
    }

    private static KernelDefinition definition(String id, MessageHandler handler, Map<String, String> deviceSources) {
        return KernelDefinition.of(id, List.of(MessageType.of(1, Payload.class, MessageType.FIXED_LAYOUT)), handler,
                deviceSources);
    }
}
