/**
 * The one binary protocol every backend speaks: byte layouts of the control block, message
 * header, rings and telemetry ({@code *Descriptor} classes, mirrored in docs/protocol.md and in
 * the generated C header), flyweights over them, the many-to-one slot ring and the hybrid
 * logical clock.
 *
 * <p>All multi-byte fields are little-endian. Accessor names state the memory order where it
 * matters: {@code getAcquire}/{@code setRelease} pair a producer's commit with a consumer's poll;
 * {@code compareAndSet} claims; plain accessors are used only for bytes published by a release.
 */
@Export
@Version("0.1.0")
package io.ringkernel.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
