/**
 * Host-side building blocks that backends share: checking a request before its handler runs and
 * framing and writing replies to the output ring, so that every backend answers bad input, expired
 * deadlines and full output queues the same way.
 */
@Export
@Version("0.1.0")
package io.ringkernel.spi.host;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
