/**
 * The CUDA backend on JCuda's driver API. A kernel is persistent by default: its loop is
 * launched once and polls a ring in mapped host memory, running the kernel's CUDA handler on many
 * messages in parallel; it can also run event-driven, one launch per batch. Handlers are compiled
 * to PTX with nvcc, ahead of time by {@link io.ringkernel.backend.cuda.PtxBuilder} or at launch.
 * JCuda's native library comes from the long-lived {@code io.ringkernel.native-jcuda} bundle, so
 * this bundle can be updated or removed while the platform runs.
 */
package io.ringkernel.backend.cuda;
