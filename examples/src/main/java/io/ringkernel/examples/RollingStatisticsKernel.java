package io.ringkernel.examples;

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
 * sensor has {@link #WARM_UP} readings, is flagged.
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
