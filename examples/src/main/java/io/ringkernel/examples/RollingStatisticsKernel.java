package io.ringkernel.examples;

import io.ringkernel.spi.DeviceSourceFiles;
import io.ringkernel.spi.KernelDefinition;
import io.ringkernel.spi.MessageHandler;
import io.ringkernel.spi.MessageType;
import io.ringkernel.spi.RequiresBackend;
import io.ringkernel.spi.RequiresSerializer;
import java.util.HashMap;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import java.util.Map;

/**
 * Streaming statistics per sensor (Welford's running mean and variance) with anomaly flags: a
 * reading more than {@link #ANOMALY_SIGMAS} standard deviations from its sensor's mean, once the
 * sensor has {@link #WARM_UP} readings, is flagged. Its OpenCL and CUDA handlers (rolling-stats.cl,
 * rolling-stats.cu) keep the same statistics for up to {@link #DEVICE_SENSORS} sensors in the
 * kernel's device state; its Aparapi handler, {@link RollingStatisticsHandler}, in its own arrays.
 */
@Component(service = KernelDefinition.class, property = KernelDefinition.PROPERTY_ID + "=" + RollingStatisticsKernel.ID)
@RequiresBackend("CPU")
@RequiresSerializer(MessageType.FIXED_LAYOUT)
public final class RollingStatisticsKernel implements KernelDefinition {
    /** The definition's id. */
    public static final String ID = "rolling-stats";
    /** Distance from the mean, in standard deviations, that flags a reading. */
    public static final double ANOMALY_SIGMAS = 4.0;
    /** Readings a sensor needs before anything is flagged. */
    public static final long WARM_UP = 30;
    /** Sensors the device handlers keep statistics for. */
    public static final int DEVICE_SENSORS = 1024;
    /** Bytes of device state per sensor: the {@code rolling_sensor} struct of rolling-stats.cl and .cu. */
    private static final int DEVICE_SENSOR_BYTES = 40;
    private static final String SETTINGS = "#define ROLLING_SENSORS " + DEVICE_SENSORS + "\n"
            + "#define ROLLING_WARM_UP " + WARM_UP + "\n"
            + "#define ROLLING_ANOMALY_SIGMAS " + ANOMALY_SIGMAS + "\n";
    private static final Map<String, String> DEVICE_HANDLERS = DeviceHandlers.of(RollingStatisticsKernel.class, ID,
            SETTINGS + DeviceSourceFiles.read(RollingStatisticsKernel.class, "rolling-stats.cl"),
            SETTINGS + DeviceSourceFiles.read(RollingStatisticsKernel.class, "rolling-stats.cu"),
            RollingStatisticsHandler.class);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<MessageType<?>> messageTypes() {
        return List.of(MessageType.of(1, SensorReading.class, MessageType.FIXED_LAYOUT),
                MessageType.of(2, SensorStatistics.class, MessageType.FIXED_LAYOUT));
    }

    @Override
    public Map<String, String> deviceSources() {
        return DEVICE_HANDLERS;
    }

    @Override
    public int deviceStateBytes() {
        return DEVICE_SENSORS * DEVICE_SENSOR_BYTES;
    }

    @Override
    public MessageHandler javaHandler() {
        Map<Long, Welford> sensors = new HashMap<>();
        return (message, context) -> {
            SensorReading reading = (SensorReading) message;
            return sensors.computeIfAbsent(reading.sensorId(), id -> new Welford()).add(reading);
        };
    }

    /** Running mean and variance of one sensor. */
    private static final class Welford {
        private long count;
        private double mean;
        private double squares;

        SensorStatistics add(SensorReading reading) {
            double deviation = standardDeviation();
            boolean anomaly = count >= WARM_UP && Math.abs(reading.value() - mean) > ANOMALY_SIGMAS * deviation;
            count++;
            double delta = reading.value() - mean;
            mean += delta / count;
            squares += delta * (reading.value() - mean);
            return new SensorStatistics(reading.sensorId(), count, mean, standardDeviation(), anomaly);
        }

        private double standardDeviation() {
            return count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
        }
    }
}
