/**
 * The backend conformance suite: abstract JUnit tests of lifecycle, send/receive/call, ordering,
 * correlation, errors and metrics, written once against the public API and the SPI. A backend
 * passes it through a thin subclass of {@link io.ringkernel.conformance.BackendConformanceSuite}.
 */
@Export
@Version("0.1.0")
package io.ringkernel.conformance;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
