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
