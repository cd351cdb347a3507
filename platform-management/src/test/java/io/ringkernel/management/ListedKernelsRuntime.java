package io.ringkernel.management;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.BackendType;
import io.ringkernel.api.Dim3;
import io.ringkernel.api.KernelHandle;
import io.ringkernel.api.LaunchOptions;
import io.ringkernel.api.RingKernelRuntime;
import io.ringkernel.api.RuntimeConfig;

import java.util.List;

/**
 * A runtime that only lists kernel ids, which a test sets; the real runtime never stops listing a
 * kernel, so this is how a bean for a vanished id is exercised.
 */
final class ListedKernelsRuntime implements RingKernelRuntime {
    volatile List<String> kernelIds = List.of();

    @Override
    public KernelHandle launch(String kernelId, Dim3 grid, Dim3 block, LaunchOptions options) {
        throw new UnsupportedOperationException("launch");
    }

    @Override
    public KernelHandle kernel(String kernelId) {
        throw new UnsupportedOperationException("kernel");
    }

    @Override
    public List<String> listKernels() {
        return kernelIds;
    }

    @Override
    public List<String> listDefinitions() {
        return List.of();
    }

    @Override
    public List<BackendInfo> backends() {
        return List.of();
    }

    @Override
    public BackendType defaultBackend() {
        return BackendType.CPU;
    }

    @Override
    public RuntimeConfig config() {
        return RuntimeConfig.defaults();
    }

    @Override
    public void shutdown() {
        kernelIds = List.of();
    }
}
