/**
 * The fuzz suites a backend runs through thin subclasses: the ring-slot suite
 * ({@link io.ringkernel.conformance.fuzz.RingSlotFuzzSuite}), a jqwik property that commits
 * garbage and mutated records into a kernel's input ring and checks that each gets its one typed
 * outcome while the kernel keeps serving, and the public-API suite
 * ({@link io.ringkernel.conformance.fuzz.PublicApiFuzzSuite}), which sends generated messages
 * through {@code RingKernelRuntime} and checks each outcome, the kernel's service and its metrics.
 * Kept apart from {@code io.ringkernel.conformance}, which OSGi test bundles embed, so that they
 * need no jqwik.
 */
package io.ringkernel.conformance.fuzz;
