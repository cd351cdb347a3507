package io.ringkernel.backend.aparapi;

/**
 * What {@link SummaryHandler} answers a {@link Reading} with.
 *
 * @param sensor the reading's sensor
 * @param valid the reading's flag, negated
 * @param total the value plus every sample
 * @param reversed the samples, last first
 * @param samples how many samples there were
 * @param grade the next letter
 */
public record Summary(int sensor, boolean valid, double total, float[] reversed, long samples, char grade) {
}
