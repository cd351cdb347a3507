package io.ringkernel.runtime.internal;

import io.ringkernel.api.BackendType;
import io.ringkernel.api.Dim3;
import io.ringkernel.api.LaunchMode;
import io.ringkernel.api.RestartPolicy;
import io.ringkernel.api.RuntimeConfig;
import io.ringkernel.protocol.HybridLogicalClock;
import io.ringkernel.spi.BackendContext;
import io.ringkernel.spi.KernelProgram;
import java.util.concurrent.Executor;

/**
 * Everything decided before a kernel instance is built: its identity, where it runs and how big
 * its queues are.
 *
 * @param kernelId the kernel's id
 * @param kernelNumber its number on the wire
 * @param program its definition and codecs
 * @param backend the backend it runs on
 * @param context the backend context to allocate and launch in
 * @param mode persistent or event-driven
 * @param grid grid extent
 * @param block block extent
 * @param inputCapacity input ring slots
 * @param outputCapacity output ring slots
 * @param maxMessageSize largest message, header included
 * @param config the runtime's settings
 * @param hostClock the runtime's clock
 * @param async where async operations wait
 * @param restartPolicy what happens when the kernel fails
 */
record KernelSetup(String kernelId, int kernelNumber, KernelProgram program, BackendType backend,
                   BackendContext context, LaunchMode mode, Dim3 grid, Dim3 block, int inputCapacity,
                   int outputCapacity, int maxMessageSize, RuntimeConfig config, HybridLogicalClock hostClock,
                   Executor async, RestartPolicy restartPolicy) {
}
