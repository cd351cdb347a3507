/**
 * The ring-slot fuzz suite: a jqwik property that commits garbage and mutated records into a
 * kernel's input ring and checks that each gets its one typed outcome while the kernel keeps
 * serving. A backend runs it through a thin subclass of
 * {@link io.ringkernel.conformance.fuzz.RingSlotFuzzSuite}. Kept apart from
 * {@code io.ringkernel.conformance}, which OSGi test bundles embed, so that they need no jqwik.
 */
package io.ringkernel.conformance.fuzz;
