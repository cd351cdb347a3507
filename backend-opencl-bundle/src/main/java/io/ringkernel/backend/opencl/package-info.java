/**
 * The OpenCL backend on JOCL. Kernels run event-driven: the host moves queued messages to the
 * device in batches and one launch processes a batch, one work-item per message, with the
 * kernel's OpenCL C handler spliced into the batch kernel. JOCL's native library comes from the
 * long-lived {@code io.ringkernel.native-jocl} bundle, so this bundle can be updated or removed
 * while the platform runs.
 */
package io.ringkernel.backend.opencl;
