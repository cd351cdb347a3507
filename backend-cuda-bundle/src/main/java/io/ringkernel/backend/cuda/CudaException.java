package io.ringkernel.backend.cuda;

import jcuda.driver.CUresult;

/** A CUDA driver call failed; the message names the call and the driver's error. */
final class CudaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int result;

    /**
     * @param result the driver's {@code CUresult}
     * @param call what was called
     */
    CudaException(int result, String call) {
        super(call + " failed: " + CUresult.stringFor(result));
        this.result = result;
    }

    /** @return the driver's {@code CUresult} */
    int result() {
        return result;
    }

    /**
     * @param result a driver call's result
     * @param call what was called, for the message
     * @throws CudaException unless the call succeeded
     */
    static void check(int result, String call) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new CudaException(result, call);
        }
    }
}
