/**
 * The service provider interface that plug-ins implement: {@link io.ringkernel.spi.Backend}s,
 * {@link io.ringkernel.spi.MessageSerializer}s and {@link io.ringkernel.spi.KernelDefinition}s.
 * In a plain JVM they are found with {@link java.util.ServiceLoader}; in OSGi they are
 * whiteboard services.
 */
@Export
@Version("0.2.0")
package io.ringkernel.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
