package io.ringkernel.backend.opencl;

/**
 * A worker process does not find the device its kernel was given: its OpenCL ICD loader listed
 * other platforms than this process's did.
 */
final class MissingDeviceException extends DeviceWorkerException {
    private static final long serialVersionUID = 1L;

    MissingDeviceException(String message) {
        super(message);
    }
}
