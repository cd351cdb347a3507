package io.ringkernel.backend.opencl;

/**
 * A kernel's worker process failed: its device reported an error, or the process ended or broke
 * the protocol. The kernel fails with it; kernels in other processes are untouched.
 */
class DeviceWorkerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeviceWorkerException(String message) {
        super(message);
    }

    DeviceWorkerException(String message, Throwable cause) {
        super(message, cause);
    }
}
