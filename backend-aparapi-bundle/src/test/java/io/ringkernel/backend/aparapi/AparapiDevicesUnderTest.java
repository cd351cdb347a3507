package io.ringkernel.backend.aparapi;

import io.ringkernel.api.BackendType;
import io.ringkernel.conformance.BackendPresence;
import java.util.List;

/** Picks the Aparapi devices the tests run on: the first OpenCL device, and the Java thread pool. */
final class AparapiDevicesUnderTest {
    static final AparapiBackend BACKEND = new AparapiBackend();

    private AparapiDevicesUnderTest() {
    }

    /** @return the index of the first OpenCL device, after skipping (or failing, where OpenCL is required) without one */
    static int openCl() {
        List<AparapiDevice> devices = AparapiDevices.discover().devices();
        BackendPresence.require(BackendType.OPENCL, devices.size() > 1,
                "Aparapi has no OpenCL device here: " + BACKEND.openClProblem());
        return 0;
    }

    /** @return the index of the Java thread pool, always the last device */
    static int threadPool() {
        return BACKEND.devices().size() - 1;
    }
}
