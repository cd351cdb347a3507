package io.ringkernel.examples;

/**
 * Rolling statistics of a sensor after a reading.
 *
 * @param sensorId the sensor
 * @param count readings seen
 * @param mean running mean
 * @param standardDeviation running standard deviation
 * @param anomaly whether the reading lay more than {@link RollingStatisticsKernel#ANOMALY_SIGMAS}
 *                standard deviations from the mean before it
 */
public record SensorStatistics(long sensorId, long count, double mean, double standardDeviation, boolean anomaly) {
}
