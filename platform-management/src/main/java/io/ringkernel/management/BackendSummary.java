package io.ringkernel.management;

import io.ringkernel.api.BackendInfo;
import io.ringkernel.api.DeviceInfo;

import java.util.List;
import javax.management.ConstructorParameters;

/**
 * One installed backend as JMX clients see it: a getter class, which the MXBean mapping turns
 * into {@code CompositeData} (records are mapped only from Java 20 on).
 */
public final class BackendSummary {
    private final String type;
    private final String name;
    private final boolean available;
    private final String unavailableReason;
    private final List<String> deviceNames;

    /**
     * @param type the backend's kind, e.g. "CPU"
     * @param name its name
     * @param available whether it can launch kernels on this machine
     * @param unavailableReason why not, or the empty string
     * @param deviceNames the names of its devices
     */
    @ConstructorParameters({"type", "name", "available", "unavailableReason", "deviceNames"})
    public BackendSummary(String type, String name, boolean available, String unavailableReason,
                          List<String> deviceNames) {
        this.type = type;
        this.name = name;
        this.available = available;
        this.unavailableReason = unavailableReason;
        this.deviceNames = List.copyOf(deviceNames);
    }

    /**
     * @param info what the runtime reports about a backend
     * @return its summary
     */
    public static BackendSummary of(BackendInfo info) {
        return new BackendSummary(info.type().name(), info.name(), info.available(), info.unavailableReason(),
                info.devices().stream().map(DeviceInfo::name).toList());
    }

    /** @return the backend's kind, e.g. "CPU" */
    public String getType() {
        return type;
    }

    /** @return its name */
    public String getName() {
        return name;
    }

    /** @return whether it can launch kernels on this machine */
    public boolean isAvailable() {
        return available;
    }

    /** @return why it cannot, or the empty string when available */
    public String getUnavailableReason() {
        return unavailableReason;
    }

    /** @return the names of its devices (empty when unavailable) */
    public List<String> getDeviceNames() {
        return deviceNames;
    }
}
