package io.ringkernel.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Reads {@link RuntimeConfig} settings from properties named {@value #PREFIX} and the setting,
 * e.g. {@code ringkernel.maxKernels=500} or {@code ringkernel.sendTimeout=250}: in OSGi the
 * runtime component reads them as framework (or system) properties; in a plain JVM,
 * {@code RuntimeConfigProperties.read(RuntimeConfig.defaults(), System::getProperty)} does the same.
 *
 * <p>Whole numbers are decimal; durations are milliseconds ({@code 250}) or ISO-8601
 * ({@code PT0.25S}); booleans are {@code true} or {@code false}. A setting that is absent keeps
 * its value; one that does not parse, or that the configuration refuses, is an
 * {@link IllegalArgumentException} naming the property, its value and why.
 */
public final class RuntimeConfigProperties {
    /** What every property name starts with. */
    public static final String PREFIX = "ringkernel.";

    private static final List<Setting> SETTINGS = List.of(
            whole("defaultQueueCapacity", RuntimeConfig::withDefaultQueueCapacity),
            whole("maxMessageSize", RuntimeConfig::withMaxMessageSize),
            whole("slotSize", RuntimeConfig::withSlotSize),
            duration("terminationTimeout", RuntimeConfig::withTerminationTimeout),
            duration("sendTimeout", RuntimeConfig::withSendTimeout),
            new Setting("telemetryEnabled", (config, text) -> config.withTelemetryEnabled(bool(text))),
            whole("cpuWorkerThreads", RuntimeConfig::withCpuWorkerThreads),
            duration("hotSwapGrace", RuntimeConfig::withHotSwapGrace),
            whole("maxKernels", RuntimeConfig::withMaxKernels),
            new Setting("maxQueueBytes", (config, text) -> config.withMaxQueueBytes(Long.parseLong(text))));

    private RuntimeConfigProperties() {
    }

    /** @return the names of every property read, e.g. {@code ringkernel.maxKernels} */
    public static List<String> names() {
        return SETTINGS.stream().map(Setting::property).toList();
    }

    /**
     * @param base the settings to start from, e.g. {@link RuntimeConfig#defaults()}
     * @param properties looks a property up by name; null where it is not set
     * @return {@code base} with every setting whose property is set taken from it
     * @throws IllegalArgumentException naming the property, its value and why, for a value that
     *         does not parse or that the configuration refuses
     */
    public static RuntimeConfig read(RuntimeConfig base, UnaryOperator<String> properties) {
        RuntimeConfig config = base;
        for (Setting setting : SETTINGS) {
            String value = properties.apply(setting.property());
            if (value != null) {
                config = setting.applyTo(config, value.trim());
            }
        }
        return config;
    }

    private static Setting whole(String name, BiFunction<RuntimeConfig, Integer, RuntimeConfig> with) {
        return new Setting(name, (config, text) -> with.apply(config, Integer.parseInt(text)));
    }

    private static Setting duration(String name, BiFunction<RuntimeConfig, Duration, RuntimeConfig> with) {
        return new Setting(name, (config, text) -> with.apply(config, duration(text)));
    }

    private static Duration duration(String text) {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return Duration.ofMillis(Long.parseLong(text));
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not milliseconds nor an ISO-8601 duration such as PT0.25S");
        }
    }

    private static boolean bool(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("not true or false");
        }
        return Boolean.parseBoolean(text);
    }

    /** One setting: its name, and how a property's text changes a configuration. */
    private record Setting(String name, BiFunction<RuntimeConfig, String, RuntimeConfig> apply) {
        String property() {
            return PREFIX + name;
        }

        RuntimeConfig applyTo(RuntimeConfig config, String value) {
            try {
                return apply.apply(config, value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(property() + "=" + value + " is not a whole number", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(property() + "=" + value + " is refused: " + e.getMessage(), e);
            }
        }
    }
}
