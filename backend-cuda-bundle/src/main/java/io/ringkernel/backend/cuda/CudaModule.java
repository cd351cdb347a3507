package io.ringkernel.backend.cuda;

import static jcuda.driver.JCudaDriver.cuFuncGetAttribute;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;
import static jcuda.driver.JCudaDriver.cuModuleLoadDataJIT;
import static jcuda.driver.JCudaDriver.cuModuleUnload;

import java.nio.charset.StandardCharsets;
import jcuda.Pointer;
import jcuda.driver.CUfunction;
import jcuda.driver.CUfunction_attribute;
import jcuda.driver.CUjit_option;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.JITOptions;

/** A program's PTX loaded into the current context, with its two loop kernels. */
final class CudaModule implements AutoCloseable {
    private static final int LOG_BYTES = 16 * 1024;

    private final CUmodule module;
    private final CUfunction loop;
    private final CUfunction direct;

    private CudaModule(CUmodule module, CUfunction loop, CUfunction direct) {
        this.module = module;
        this.loop = loop;
        this.direct = direct;
    }

    /**
     * JIT-compiles PTX for the current context's device and loads it.
     *
     * @param ptx the program's PTX
     * @return the loaded module
     * @throws JitException with the JIT's error log if the PTX does not load
     */
    static CudaModule load(String ptx) {
        CUmodule module = new CUmodule();
        byte[] image = (ptx + '\0').getBytes(StandardCharsets.UTF_8);
        int result = cuModuleLoadData(module, image);
        if (result != CUresult.CUDA_SUCCESS) {
            throw new JitException(CUresult.stringFor(result) + jitLog(image));
        }
        try {
            return new CudaModule(module, function(module, CudaSource.LOOP_KERNEL),
                    function(module, CudaSource.DIRECT_KERNEL));
        } catch (CudaException e) {
            cuModuleUnload(module);
            throw e;
        }
    }

    private static CUfunction function(CUmodule module, String name) {
        CUfunction function = new CUfunction();
        CudaException.check(cuModuleGetFunction(function, module, name), "cuModuleGetFunction(" + name + ")");
        return function;
    }

    /** Loads the image again, this time asking the JIT for its error log. */
    private static String jitLog(byte[] image) {
        JITOptions options = new JITOptions();
        options.putBytes(CUjit_option.CU_JIT_ERROR_LOG_BUFFER, new byte[LOG_BYTES]);
        options.putInt(CUjit_option.CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES, LOG_BYTES);
        CUmodule module = new CUmodule();
        if (cuModuleLoadDataJIT(module, Pointer.to(image), options) == CUresult.CUDA_SUCCESS) {
            cuModuleUnload(module);
            return "";
        }
        byte[] log = options.getBytes(CUjit_option.CU_JIT_ERROR_LOG_BUFFER);
        return log == null ? "" : ": " + text(log);
    }

    private static String text(byte[] log) {
        int length = 0;
        while (length < log.length && log[length] != 0) {
            length++;
        }
        return new String(log, 0, length, StandardCharsets.UTF_8).trim();
    }

    /** @return the EVENT_DRIVEN loop kernel */
    CUfunction loop() {
        return loop;
    }

    /** @return the PERSISTENT loop kernel */
    CUfunction direct() {
        return direct;
    }

    /**
     * @return the most threads a block of either loop can have on this device: fewer than 1,024
     *         when the handler needs many registers
     */
    int maxBlock() {
        return Math.min(maxThreads(loop), maxThreads(direct));
    }

    private static int maxThreads(CUfunction function) {
        int[] threads = new int[1];
        CudaException.check(cuFuncGetAttribute(threads, CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK,
                function), "cuFuncGetAttribute(MAX_THREADS_PER_BLOCK)");
        return threads[0];
    }

    /** Unloads the module; harmless in a context that a fault has broken. */
    @Override
    public void close() {
        cuModuleUnload(module);
    }

    /** The driver's JIT rejected the PTX; the message carries its log. */
    static final class JitException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JitException(String log) {
            super(log);
        }
    }
}
