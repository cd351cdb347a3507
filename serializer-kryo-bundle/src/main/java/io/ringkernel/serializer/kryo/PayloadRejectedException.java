package io.ringkernel.serializer.kryo;

import com.esotericsoftware.kryo.KryoException;

/**
 * Thrown by this package's own checks on payload bytes. Its message is written here and never
 * quotes payload contents, so it may be passed on to the caller verbatim.
 */
final class PayloadRejectedException extends KryoException {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong with the payload, in words that quote no payload bytes */
    PayloadRejectedException(String reason) {
        super(reason);
    }
}
