package io.ringkernel.runtime.internal;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.DeviceInfo;
import io.ringkernel.spi.Backend;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Which device of each backend the runtime opens. A runtime built in a plain JVM has one index
 * for every backend ({@code RuntimeBuilder.device}); a backend with fewer devices opens its
 * device 0. In OSGi the properties {@code ringkernel.device.<TYPE>} choose a device per backend
 * type; a backend whose chosen device does not exist is unavailable, with the reason, and is
 * never opened on another device.
 */
final class DeviceChoice {
    /** The backend types whose device a property may choose: the CPU backend has one device. */
    private static final List<BackendType> DEVICE_BACKENDS = List.of(BackendType.CUDA, BackendType.OPENCL,
            BackendType.APARAPI);

    private final int everyBackend;
    private final Map<BackendType, String> chosen;

    private DeviceChoice(int everyBackend, Map<BackendType, String> chosen) {
        this.everyBackend = everyBackend;
        this.chosen = chosen;
    }

    /**
     * @param index the device index for every backend, where it has that many devices
     * @return the choice
     */
    static DeviceChoice everyBackend(int index) {
        return new DeviceChoice(index, Map.of());
    }

    /**
     * @param properties looks a property up by name; null when it is not set
     * @return this choice, with the device of each backend type whose property
     *         ({@link Backend#deviceProperty(BackendType)}) is set taken from that property
     */
    DeviceChoice withProperties(UnaryOperator<String> properties) {
        Map<BackendType, String> values = new EnumMap<>(BackendType.class);
        for (BackendType type : DEVICE_BACKENDS) {
            String value = properties.apply(Backend.deviceProperty(type));
            if (value != null) {
                values.put(type, value.trim());
            }
        }
        return new DeviceChoice(everyBackend, Map.copyOf(values));
    }

    /**
     * @param type a backend type
     * @return the property and value that choose its device, e.g. {@code ringkernel.device.OPENCL=1},
     *         or the empty string when none does
     */
    String chosenBy(BackendType type) {
        String value = chosen.get(type);
        return value == null ? "" : Backend.deviceProperty(type) + "=" + value;
    }

    /**
     * @param type a backend's type
     * @param devices its devices
     * @return the empty string if the device chosen for it is one of them, or why not, naming
     *         the property, its value and the devices there are
     */
    String problem(BackendType type, List<DeviceInfo> devices) {
        String value = chosen.get(type);
        if (value == null || chosenIndex(value, devices.size()) >= 0) {
            return "";
        }
        String listed = devices.isEmpty() ? "it lists no devices"
                : "give an index from 0 to " + (devices.size() - 1) + " (" + devices.stream()
                        .map(device -> device.index() + ": " + device.name()).collect(Collectors.joining(", ")) + ")";
        return chosenBy(type) + " does not name a device of the " + type + " backend: " + listed;
    }

    /**
     * @param type a backend's type
     * @param deviceCount how many devices it has
     * @return the index of the device to open on it; only for a backend without a {@link #problem}
     */
    int index(BackendType type, int deviceCount) {
        String value = chosen.get(type);
        if (value != null) {
            int index = chosenIndex(value, deviceCount);
            if (index < 0) {
                throw new IllegalStateException(chosenBy(type) + " names none of the backend's " + deviceCount
                        + " devices");
            }
            return index;
        }
        return deviceCount > everyBackend ? everyBackend : 0;
    }

    /** @return the index the value names, or -1 if it names none of {@code deviceCount} devices */
    private static int chosenIndex(String value, int deviceCount) {
        try {
            int index = Integer.parseInt(value);
            return index >= 0 && index < deviceCount ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
