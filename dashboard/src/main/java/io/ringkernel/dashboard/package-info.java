/**
 * The JavaFX dashboard: a kernels table with live charts, backends and devices, deployed kernel
 * bundles, an event log, and actions on kernels. It reads a {@link io.ringkernel.dashboard.DashboardSource}:
 * the runtime in its own JVM, or one in another JVM over JMX.
 */
package io.ringkernel.dashboard;
