/**
 * The runtime's implementation: kernel instances, the host side of the rings (sending,
 * dispatching replies, pending calls), registries of plug-ins and metrics. Private to the bundle.
 */
package io.ringkernel.runtime.internal;
