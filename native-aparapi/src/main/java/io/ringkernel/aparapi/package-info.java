/**
 * Writing a kernel's handler in Java for the Aparapi backend. A handler extends
 * {@link io.ringkernel.aparapi.MessageBatchKernel} and is an Aparapi kernel: its {@code run()} is
 * translated to OpenCL C, or runs on Aparapi's Java thread pool where no OpenCL device is present.
 * Each run sees a batch of messages laid out as columns: one primitive array per message
 * component, bound to its field with {@link io.ringkernel.aparapi.Request} and
 * {@link io.ringkernel.aparapi.Reply}.
 */
@Export
@Version("0.1.0")
package io.ringkernel.aparapi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
