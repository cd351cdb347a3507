package io.ringkernel.api;

/** No kernel (or no kernel definition) is known under the given id. */
public class KernelNotFoundException extends RingKernelException {
    private static final long serialVersionUID = 1L;

    /**
     * @param kernelId the id that was looked up
     * @param what what was looked for ("kernel" or "kernel definition")
     */
    public KernelNotFoundException(String kernelId, String what) {
        super(kernelId, "no " + what + " with id '" + kernelId + "'");
    }
}
