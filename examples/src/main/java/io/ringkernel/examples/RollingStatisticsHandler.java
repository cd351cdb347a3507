package io.ringkernel.examples;

import io.ringkernel.aparapi.MessageBatchKernel;
import io.ringkernel.aparapi.Reply;
import io.ringkernel.aparapi.Request;

/**
 * The rolling-statistics kernel's Aparapi handler, in Java: the same Welford statistics and
 * anomaly flags as the Java handler, for up to {@link RollingStatisticsKernel#DEVICE_SENSORS}
 * sensors, kept in arrays of this handler (found by hashing the sensor id, with linear probing).
 * Statistics depend on the order of readings, so one work-item walks the batch in queue order;
 * the others have nothing to do.
 */
public final class RollingStatisticsHandler extends MessageBatchKernel {
    private static final int READING = 1;
    private static final int STATISTICS = 2;
    private static final int SENSORS = RollingStatisticsKernel.DEVICE_SENSORS;

    @Request(type = SensorReading.class, component = "sensorId")
    long[] readingSensor;
    @Request(type = SensorReading.class, component = "value")
    double[] readingValue;

    @Reply(type = SensorStatistics.class, component = "sensorId")
    long[] statisticsSensor;
    @Reply(type = SensorStatistics.class, component = "count")
    long[] statisticsCount;
    @Reply(type = SensorStatistics.class, component = "mean")
    double[] statisticsMean;
    @Reply(type = SensorStatistics.class, component = "standardDeviation")
    double[] statisticsDeviation;
    @Reply(type = SensorStatistics.class, component = "anomaly")
    boolean[] statisticsAnomaly;

    int[] slotUsed = new int[SENSORS];
    long[] slotSensor = new long[SENSORS];
    long[] slotCount = new long[SENSORS];
    double[] slotMean = new double[SENSORS];
    double[] slotSquares = new double[SENSORS];

    @Override
    public void run() {
        if (getGlobalId() == 0) {
            for (int message = 0; message < count; message++) {
                if (messageType[message] == READING) {
                    add(message);
                }
            }
        }
    }

    private void add(int message) {
        int slot = find(readingSensor[message]);
        if (slot < 0) {
            failureCode[message] = SENSORS;
            replyType[message] = FAILED;
        } else {
            double value = readingValue[message];
            double before = deviation(slot);
            boolean anomaly = slotCount[slot] >= RollingStatisticsKernel.WARM_UP
                    && Math.abs(value - slotMean[slot]) > RollingStatisticsKernel.ANOMALY_SIGMAS * before;
            slotCount[slot]++;
            double delta = value - slotMean[slot];
            slotMean[slot] += delta / slotCount[slot];
            slotSquares[slot] += delta * (value - slotMean[slot]);
            statisticsSensor[message] = slotSensor[slot];
            statisticsCount[message] = slotCount[slot];
            statisticsMean[message] = slotMean[slot];
            statisticsDeviation[message] = deviation(slot);
            statisticsAnomaly[message] = anomaly;
            replyType[message] = STATISTICS;
        }
    }

    private double deviation(int slot) {
        double result = 0;
        if (slotCount[slot] > 1) {
            result = Math.sqrt(slotSquares[slot] / (slotCount[slot] - 1));
        }
        return result;
    }

    /** @return the sensor's slot, claimed if it is new; -1 if the table is full */
    private int find(long sensor) {
        int start = (int) (((sensor * 0x9E3779B97F4A7C15L) >>> 33) % SENSORS);
        int found = -1;
        for (int probe = 0; probe < SENSORS && found < 0; probe++) {
            int slot = (start + probe) % SENSORS;
            if (slotUsed[slot] == 0) {
                slotUsed[slot] = 1;
                slotSensor[slot] = sensor;
                found = slot;
            } else if (slotSensor[slot] == sensor) {
                found = slot;
            }
        }
        return found;
    }

    @Override
    public String describeFailure(int messageType, int failureCode) {
        return "more than " + failureCode + " sensors";
    }
}
