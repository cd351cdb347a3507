package io.ringkernel.backend.aparapi;

/**
 * A request with a component of most primitive types and an array.
 *
 * @param sensor which sensor
 * @param valid whether the reading counts
 * @param value a base value
 * @param samples the samples
 * @param flags bit flags
 * @param grade a letter
 */
public record Reading(int sensor, boolean valid, double value, float[] samples, short flags, char grade) {
}
