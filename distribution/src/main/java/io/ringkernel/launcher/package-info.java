/**
 * The launcher of the RingKernel distribution: starts Apache Felix with the bundles in
 * {@code bundle/}, FileInstall watching {@code deploy/}, and prints a live table of the kernels.
 */
package io.ringkernel.launcher;
