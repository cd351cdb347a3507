package io.ringkernel.backend.opencl;

import java.io.IOException;
import java.util.Map;

/**
 * Starts the worker processes of one device's kernels. A worker starts with this process's
 * environment. Where its ICD loader does not list the device there, the launcher starts it again
 * loading one ICD library at a time ({@link IcdLibraries}), and the first that shows the device
 * serves every later worker of the device. On the H100 machine, with PoCL's and NVIDIA's ICDs
 * installed, a process started after this one had loaded both listed PoCL's device alone, while
 * one that loaded NVIDIA's library alone found the GPU.
 */
final class WorkerLauncher {
    private static final System.Logger LOG = System.getLogger(WorkerLauncher.class.getName());

    private final OpenClDevice device;
    private final Map<String, String> inherited;
    private final Map<String, String> firstTry;
    /* The variables that load the device's ICD library alone, once a worker needed them; else null. */
    private volatile Map<String, String> alone;

    /** @param device the device the workers open */
    WorkerLauncher(OpenClDevice device) {
        this(device, System.getenv(), Map.of());
    }

    /**
     * @param device the device the workers open
     * @param inherited the environment workers inherit, where the ICD libraries are found
     * @param firstTry variables set for the first worker, before any library is tried alone
     */
    WorkerLauncher(OpenClDevice device, Map<String, String> inherited, Map<String, String> firstTry) {
        this.device = device;
        this.inherited = inherited;
        this.firstTry = firstTry;
    }

    /**
     * @param kernelId the kernel
     * @param capacity messages per batch
     * @param stride bytes per slot
     * @return the kernel's running worker
     * @throws IOException if a staging file or a process cannot be made
     * @throws DeviceWorkerException if no worker opens the device
     */
    IsolatedBatchDevice start(String kernelId, int capacity, int stride) throws IOException {
        Map<String, String> known = alone;
        try {
            return IsolatedBatchDevice.start(kernelId, device, capacity, stride, known != null ? known : firstTry);
        } catch (MissingDeviceException missing) {
            if (known != null) {
                throw missing;
            }
            for (String library : IcdLibraries.of(inherited)) {
                Map<String, String> only = IcdLibraries.only(library);
                try {
                    IsolatedBatchDevice started = IsolatedBatchDevice.start(kernelId, device, capacity, stride, only);
                    alone = only;
                    LOG.log(System.Logger.Level.INFO, "the OpenCL workers of " + device.info().name()
                            + " load its ICD library alone (" + only + "): " + missing.getMessage());
                    return started;
                } catch (MissingDeviceException elsewhere) {
                    missing.addSuppressed(elsewhere);
                }
            }
            throw missing;
        }
    }
}
