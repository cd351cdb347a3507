/**
 * Example kernels and the demo program the README's run command starts: echo (Kryo-serialized
 * text) and rolling sensor statistics with anomaly flags (fixed-layout records).
 */
package io.ringkernel.examples;
