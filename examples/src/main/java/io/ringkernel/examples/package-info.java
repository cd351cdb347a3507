/**
 * Example kernels and the demo program the README's run command starts: echo (Kryo-serialized
 * text) and rolling sensor statistics with anomaly flags (fixed-layout records). The package is
 * exported so that clients in other bundles can use the kernels' message records.
 */
@Export
@Version("0.1.0")
package io.ringkernel.examples;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
