/**
 * Requests under churn, and their one outcome each: the {@link io.ringkernel.conformance.chaos.Ledger}
 * that follows every request to its outcome, {@link io.ringkernel.conformance.chaos.CallLoad}'s
 * callers, {@link io.ringkernel.conformance.chaos.ChaosKernel}'s kernels that are launched again
 * when they terminate, and the {@link io.ringkernel.conformance.chaos.ChurnSuite} that every backend
 * runs through a thin subclass. The OSGi chaos test shares the first three.
 */
@Export
@Version("0.1.0")
package io.ringkernel.conformance.chaos;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
