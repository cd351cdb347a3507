/**
 * JMH benchmarks. Each compares against a baseline measured in the same run: Agrona's rings for
 * the ring, Kryo for the fixed-layout codec, a 64-byte payload for a 4 KiB one, the CPU backend for
 * the OpenCL backend.
 */
package io.ringkernel.benchmarks;
