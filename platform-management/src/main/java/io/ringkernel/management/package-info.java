/**
 * JMX management: {@link io.ringkernel.management.RingKernelMBeans} registers MXBeans that show a
 * running {@link io.ringkernel.api.RingKernelRuntime} and each of its kernels to JConsole,
 * VisualVM and Mission Control. The beans read the public API only, at the moment an attribute is
 * read, and use open types only, so any generic JMX client renders them.
 *
 * <p>Nothing here starts a remote JMX connector: the beans live in the platform MBean server (or
 * the one passed in) and are reachable remotely only if the JVM itself was started with remote
 * JMX enabled.
 */
@Export
@Version("0.1.0")
package io.ringkernel.management;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
