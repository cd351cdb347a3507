/**
 * The pure-Java CPU backend: each kernel is a persistent actor over its rings, run by a small
 * worker pool shared by all kernels. Private to the bundle.
 */
package io.ringkernel.runtime.internal.cpu;
