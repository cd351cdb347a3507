package io.ringkernel.backend.aparapi;

/** Java handlers translated to OpenCL, on the first OpenCL device (PoCL in CI). */
class AparapiHandlersOnOpenClTest extends AparapiHandlerSuite {

    @Override
    int device() {
        return AparapiDevicesUnderTest.openCl();
    }

    @Override
    String deviceName() {
        return AparapiDevicesUnderTest.BACKEND.devices().get(0).name();
    }
}
