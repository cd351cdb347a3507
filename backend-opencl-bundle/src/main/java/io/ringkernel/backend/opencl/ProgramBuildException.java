package io.ringkernel.backend.opencl;

import org.jocl.CLException;

/** An OpenCL C program did not compile for a device; the compiler's build log says why. */
final class ProgramBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String log;

    ProgramBuildException(String log, CLException cause) {
        super(cause.getMessage() + ":\n" + log, cause);
        this.log = log;
    }

    /** @return the compiler's build log */
    String log() {
        return log;
    }
}
