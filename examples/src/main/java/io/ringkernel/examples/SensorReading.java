package io.ringkernel.examples;

/**
 * One reading of one sensor, in the fixed layout a GPU handler can read.
 *
 * @param sensorId the sensor
 * @param value the reading
 */
public record SensorReading(long sensorId, double value) {
}
