/**
 * The fixed-layout message codec: Java records of primitives and primitive arrays laid out at
 * known little-endian offsets, so that a CUDA C or OpenCL C handler reads every field with plain
 * loads and no library. {@link io.ringkernel.codec.FixedLayout} describes and codes one record
 * type and emits its C struct; {@link io.ringkernel.codec.FixedLayoutSerializer} offers it as the
 * {@code "fixed-layout"} {@link io.ringkernel.spi.MessageSerializer}.
 */
@Export
@Version("0.1.0")
package io.ringkernel.codec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
