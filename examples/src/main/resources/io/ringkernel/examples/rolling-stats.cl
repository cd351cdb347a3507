/*
 * The rolling-statistics kernel's OpenCL handler: Welford's running mean and variance per sensor,
 * kept in the kernel's device state, and the same anomaly flag as the Java handler. The state is a
 * table of ROLLING_SENSORS slots found by hashing the sensor id, with linear probing.
 * ROLLING_SENSORS, ROLLING_WARM_UP and ROLLING_ANOMALY_SIGMAS come from RollingStatisticsKernel.
 */
#pragma OPENCL FP_CONTRACT OFF

typedef struct {
    long used;
    long sensor;
    long count;
    double mean;
    double squares;
} rolling_sensor;

static double rolling_deviation(__global const rolling_sensor *sensor) {
    return sensor->count > 1 ? sqrt(sensor->squares / (double) (sensor->count - 1)) : 0.0;
}

static __global rolling_sensor *rolling_find(__global rolling_sensor *table, long id) {
    uint start = (uint) (((ulong) id * 0x9E3779B97F4A7C15UL) >> 32) % ROLLING_SENSORS;
    for (uint probe = 0; probe < ROLLING_SENSORS; probe++) {
        __global rolling_sensor *slot = &table[(start + probe) % ROLLING_SENSORS];
        if (!slot->used) {
            slot->used = 1;
            slot->sensor = id;
            return slot;
        }
        if (slot->sensor == id) {
            return slot;
        }
    }
    return 0;
}

int rk_handle_stateful(int message_type, __global const uchar *payload, uint payload_length,
                       __global uchar *reply, uint reply_capacity, int *reply_type, __global uchar *state) {
    __global const rk_SensorReading *reading = (__global const rk_SensorReading *) payload;
    __global rolling_sensor *sensor = rolling_find((__global rolling_sensor *) state, reading->sensorId);
    if (sensor == 0) {
        uint at = rk_append_text(reply, 0, reply_capacity, "more than ");
        at = rk_append_long(reply, at, reply_capacity, ROLLING_SENSORS);
        rk_append_text(reply, at, reply_capacity, " sensors");
        return RK_FAILED;
    }
    double value = reading->value;
    double deviation = rolling_deviation(sensor);
    int anomaly = sensor->count >= ROLLING_WARM_UP && fabs(value - sensor->mean) > ROLLING_ANOMALY_SIGMAS * deviation;
    sensor->count++;
    double delta = value - sensor->mean;
    sensor->mean += delta / (double) sensor->count;
    sensor->squares += delta * (value - sensor->mean);

    __global rk_SensorStatistics *statistics = (__global rk_SensorStatistics *) reply;
    statistics->sensorId = reading->sensorId;
    statistics->count = sensor->count;
    statistics->mean = sensor->mean;
    statistics->standardDeviation = rolling_deviation(sensor);
    statistics->anomaly = anomaly;
    *reply_type = 2;
    return (int) sizeof(rk_SensorStatistics);
}
