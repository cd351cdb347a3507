package io.ringkernel.spi;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.RuntimeConfig;
import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plug-in that runs kernels on some kind of device. Implementations must be cheap to
 * construct: native libraries are probed in {@link #availability()}, once, and the reason for
 * unavailability is kept.
 */
@ConsumerType
public interface Backend {

    /** Service property: the {@link BackendType} name of a registered backend. */
    String PROPERTY_TYPE = "ringkernel.backend.type";

    /**
     * Prefix of the framework properties that choose a device backend's device in an OSGi
     * framework: {@code ringkernel.device.OPENCL=1} makes the runtime service run OpenCL kernels
     * on device 1 of the OpenCL backend (see {@link #deviceProperty(BackendType)}). The runtime
     * component reads {@code CUDA}, {@code OPENCL} and {@code APARAPI} when it starts, through
     * {@code BundleContext.getProperty}, so a system property of that name works too; without one
     * it opens device 0. A value that names none of the backend's devices makes that backend
     * unavailable, with the reason, instead of running kernels on another device.
     */
    String DEVICE_PROPERTY_PREFIX = "ringkernel.device.";

    /**
     * @param type a backend type
     * @return the framework property that chooses its device, e.g. {@code ringkernel.device.OPENCL}
     */
    static String deviceProperty(BackendType type) {
        return DEVICE_PROPERTY_PREFIX + type.name();
    }

    /** @return the kind of backend */
    BackendType type();

    /** @return higher wins when the runtime picks a backend for {@link BackendType#AUTO} */
    int priority();

    /**
     * Called often: probe once and keep the result. A backend may turn unavailable later, e.g.
     * when its device faulted beyond recovery.
     *
     * @return whether the backend can run here, and why not
     */
    Availability availability();

    /** @return the devices it can run on; empty when unavailable */
    List<DeviceInfo> devices();

    /** @return the launch modes it supports */
    Set<LaunchMode> modes();

    /** @return the mode used when launch options leave it open */
    LaunchMode defaultMode();

    /**
     * Whether this backend has what it needs to run a definition's handler: a device backend
     * needs a handler source in its language among {@link KernelDefinition#deviceSources()}.
     *
     * @param definition a kernel definition
     * @return the empty string if it can, or why not
     */
    default String cannotRun(KernelDefinition definition) {
        return "";
    }

    /**
     * Opens a context on one device.
     *
     * @param deviceIndex the device
     * @param config the runtime's settings
     * @return the context
     */
    BackendContext open(int deviceIndex, RuntimeConfig config);

    /**
     * Whether a backend can run, and the reason when it cannot.
     *
     * @param available true when it can launch kernels here
     * @param reason why it cannot, or the empty string
     */
    record Availability(boolean available, String reason) {

        /** The backend can run. */
        public static final Availability AVAILABLE = new Availability(true, "");

        /**
         * @param reason why the backend cannot run
         * @return an unavailable result with that reason
         */
        public static Availability unavailable(String reason) {
            return new Availability(false, reason);
        }
    }
}
