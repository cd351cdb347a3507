package io.ringkernel.backend.aparapi;

import com.aparapi.device.Device;
import com.aparapi.internal.kernel.KernelManager;
import io.ringkernel.aparapi.MessageBatchKernel;
import io.ringkernel.api.KernelLaunchException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Which device each handler class runs on. Aparapi keeps its device preference per kernel
 * class for the whole JVM and runs every instance of a class where that preference says,
 * whatever device the run's range names; so while kernels of a handler class run on one device,
 * a kernel of the same class cannot run on another. A claim lasts while any kernel of the class
 * runs on its device.
 */
final class DeviceClaims {
    private static final Map<Class<?>, Claim> CLAIMS = new HashMap<>();

    private DeviceClaims() {
    }

    private record Claim(AparapiDevice device, int kernels) {
    }

    /**
     * Claims a handler's class for a device and points Aparapi there.
     *
     * @param handler a handler instance about to run on the device
     * @param device the device
     * @param kernelId the kernel, for the error
     * @throws KernelLaunchException if kernels of the same class run on another device
     */
    static synchronized void claim(MessageBatchKernel handler, AparapiDevice device, String kernelId) {
        Class<?> type = handler.getClass();
        Claim claim = CLAIMS.get(type);
        if (claim != null && claim.device().device() != device.device()) {
            throw new KernelLaunchException(kernelId, "Aparapi runs every instance of a handler class on one device, and "
                    + type.getName() + " already runs on " + claim.device().info().name() + ", so it cannot run on "
                    + device.info().name() + " as well until those kernels terminate", null);
        }
        CLAIMS.put(type, new Claim(device, claim == null ? 1 : claim.kernels() + 1));
        KernelManager.instance().setPreferredDevices(handler, new LinkedHashSet<Device>(List.of(device.device())));
    }

    /** @param handler a handler instance that no longer runs */
    static synchronized void release(MessageBatchKernel handler) {
        CLAIMS.computeIfPresent(handler.getClass(), (type, claim) -> claim.kernels() > 1
                ? new Claim(claim.device(), claim.kernels() - 1) : null);
    }
}
