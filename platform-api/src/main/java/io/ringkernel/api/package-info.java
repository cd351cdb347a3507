/**
 * The public API of RingKernel: the runtime, kernel handles, lifecycle states, launch options,
 * configuration, metrics and the typed exceptions every operation may throw.
 *
 * <p>Start with {@link io.ringkernel.api.RingKernelRuntime#builder()}.
 */
@Export
@Version("0.1.0")
package io.ringkernel.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
