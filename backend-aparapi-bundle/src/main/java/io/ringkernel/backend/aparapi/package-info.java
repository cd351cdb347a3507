/**
 * The Aparapi backend: kernels whose handlers are written in Java, as
 * {@link io.ringkernel.aparapi.MessageBatchKernel}s. Aparapi translates a handler's bytecode to
 * OpenCL C for each OpenCL device present, or runs it on its Java thread pool where there is
 * none. Kernels run event-driven: each batch of queued messages is unpacked into primitive
 * columns, handled in one run, and its replies packed back. Aparapi and its native library come
 * from the long-lived {@code io.ringkernel.native-aparapi} bundle, so this bundle can be updated
 * or removed while the platform runs.
 */
package io.ringkernel.backend.aparapi;
