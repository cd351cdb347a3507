/*
 * The rolling-statistics kernel's CUDA handler: Welford's running mean and variance per sensor,
 * kept in the kernel's device state, and the same anomaly flag as the Java handler. The state is a
 * table of ROLLING_SENSORS slots found by hashing the sensor id, with linear probing.
 * ROLLING_SENSORS, ROLLING_WARM_UP and ROLLING_ANOMALY_SIGMAS come from RollingStatisticsKernel.
 * The arithmetic uses explicitly rounded operations, so nvcc fuses nothing into an FMA and the
 * results match Java's double arithmetic.
 */
typedef struct {
    long long used;
    long long sensor;
    long long count;
    double mean;
    double squares;
} rolling_sensor;

__device__ static double rolling_deviation(const rolling_sensor *sensor) {
    return sensor->count > 1 ? sqrt(__ddiv_rn(sensor->squares, (double) (sensor->count - 1))) : 0.0;
}

__device__ static rolling_sensor *rolling_find(rolling_sensor *table, long long id) {
    unsigned int start = (unsigned int) (((unsigned long long) id * 0x9E3779B97F4A7C15ULL) >> 32) % ROLLING_SENSORS;
    for (unsigned int probe = 0; probe < ROLLING_SENSORS; probe++) {
        rolling_sensor *slot = &table[(start + probe) % ROLLING_SENSORS];
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

__device__ int rk_handle_stateful(int message_type, const unsigned char *payload, unsigned int payload_length,
                                  unsigned char *reply, unsigned int reply_capacity, int *reply_type,
                                  unsigned char *state) {
    const rk_SensorReading *reading = (const rk_SensorReading *) payload;
    rolling_sensor *sensor = rolling_find((rolling_sensor *) state, reading->sensorId);
    if (sensor == 0) {
        unsigned int at = rk_append_text(reply, 0, reply_capacity, "more than ");
        at = rk_append_long(reply, at, reply_capacity, ROLLING_SENSORS);
        rk_append_text(reply, at, reply_capacity, " sensors");
        return RK_FAILED;
    }
    double value = reading->value;
    double deviation = rolling_deviation(sensor);
    int anomaly = sensor->count >= ROLLING_WARM_UP
            && fabs(__dsub_rn(value, sensor->mean)) > __dmul_rn(ROLLING_ANOMALY_SIGMAS, deviation);
    sensor->count++;
    double delta = __dsub_rn(value, sensor->mean);
    sensor->mean = __dadd_rn(sensor->mean, __ddiv_rn(delta, (double) sensor->count));
    sensor->squares = __dadd_rn(sensor->squares, __dmul_rn(delta, __dsub_rn(value, sensor->mean)));

    rk_SensorStatistics *statistics = (rk_SensorStatistics *) reply;
    statistics->sensorId = reading->sensorId;
    statistics->count = sensor->count;
    statistics->mean = sensor->mean;
    statistics->standardDeviation = rolling_deviation(sensor);
    statistics->anomaly = anomaly;
    *reply_type = 2;
    return (int) sizeof(rk_SensorStatistics);
}
